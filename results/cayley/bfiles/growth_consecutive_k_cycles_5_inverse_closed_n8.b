# growth of consecutive_k_cycles:5 inverse-closed at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 56
3 372
4 1974
5 7183
6 9049
7 1504
8 13
