# growth of consecutive_k_cycles:3 at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 15
3 42
4 77
5 91
6 76
7 39
8 13
9 2
