# growth of consecutive_k_cycles:5 inverse-closed at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 128
3 1284
4 10909
5 75257
6 322145
7 673918
8 561503
9 155133
10 13854
11 256
