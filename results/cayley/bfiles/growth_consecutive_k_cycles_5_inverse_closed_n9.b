# growth of consecutive_k_cycles:5 inverse-closed at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 90
3 760
4 5294
5 28167
6 74311
7 61421
8 11106
9 280
