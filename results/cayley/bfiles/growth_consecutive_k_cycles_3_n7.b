# growth of consecutive_k_cycles:3 at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 5
2 22
3 76
4 194
5 362
6 502
7 530
8 431
9 255
10 108
11 30
12 4
