# growth of wrapped_k_cycles:5 at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 7
2 42
3 212
4 764
5 1113
6 366
7 15
