# growth of consecutive_k_cycles:3 inverse-closed at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 60
3 219
4 481
5 627
6 539
7 359
8 169
9 49
10 6
