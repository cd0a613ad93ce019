# growth of block_interchange at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 35
2 84
