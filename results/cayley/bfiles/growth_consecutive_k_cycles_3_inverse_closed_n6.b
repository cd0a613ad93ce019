# growth of consecutive_k_cycles:3 inverse-closed at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 38
3 93
4 115
5 71
6 29
7 5
