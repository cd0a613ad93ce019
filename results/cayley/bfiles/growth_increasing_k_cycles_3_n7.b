# growth of increasing_k_cycles:3 at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 35
2 462
3 1361
4 603
5 57
6 1
