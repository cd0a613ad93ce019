# growth of consecutive_k_cycles:4 inverse-closed at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 81
3 593
4 3211
5 9468
6 13709
7 9610
8 3128
9 479
10 30
