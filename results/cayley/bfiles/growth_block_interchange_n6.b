# growth of block_interchange at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 70
2 469
3 180
