# growth of block_interchange at n = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 15
2 8
