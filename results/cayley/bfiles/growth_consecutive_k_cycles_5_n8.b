# growth of consecutive_k_cycles:5 at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 16
3 64
4 247
5 869
6 2557
7 5731
8 7119
9 3040
10 502
11 10
