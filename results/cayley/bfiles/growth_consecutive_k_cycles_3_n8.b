# growth of consecutive_k_cycles:3 at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 30
3 120
4 376
5 927
6 1790
7 2743
8 3453
9 3582
10 3056
11 2127
12 1198
13 533
14 176
15 38
16 4
