# growth of unitriangular n=4 at p = 14: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 26
3 110
4 414
5 1446
6 4802
7 15071
8 43922
9 119352
10 299954
11 668035
12 1221612
13 1619526
14 1494135
15 1037156
16 570899
17 251490
18 112539
19 49832
20 16464
21 2744
