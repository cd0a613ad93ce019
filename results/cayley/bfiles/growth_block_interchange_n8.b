# growth of block_interchange at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 210
2 5985
3 26060
4 8064
