# growth of consecutive_k_cycles:5 inverse-closed at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 28
4 60
5 104
6 116
7 30
8 4
9 1
