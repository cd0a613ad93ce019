# growth of block_interchange at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 126
2 1869
3 3044
