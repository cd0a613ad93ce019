# growth of consecutive_k_cycles:3 inverse-closed at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 86
3 401
4 1259
5 2587
6 3690
7 3933
8 3477
9 2495
10 1415
11 602
12 174
13 27
14 1
