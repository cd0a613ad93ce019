# growth of unitriangular n=4 at p = 13: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 26
3 110
4 414
5 1446
6 4802
7 15068
8 43806
9 118512
10 295138
11 634520
12 1062936
13 1173336
14 854838
15 414416
16 137074
17 52784
18 17576
