# growth of block_interchange at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 330
2 16401
3 152900
4 193248
