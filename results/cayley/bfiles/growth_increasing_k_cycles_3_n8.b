# growth of increasing_k_cycles:3 at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 56
2 1218
3 7668
4 8954
5 2136
6 127
