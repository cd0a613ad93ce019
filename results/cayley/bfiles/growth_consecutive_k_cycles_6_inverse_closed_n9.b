# growth of consecutive_k_cycles:6 inverse-closed at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 56
3 382
4 2224
5 11432
6 46996
7 122894
8 130830
9 46714
10 1332
11 10
12 1
