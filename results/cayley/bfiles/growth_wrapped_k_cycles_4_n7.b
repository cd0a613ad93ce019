# growth of wrapped_k_cycles:4 at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 7
2 43
3 252
4 1038
5 2079
6 1438
7 182
