# growth of sl2 n=2 at p = 33: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 1152
9 2268
10 4276
11 6178
12 7473
13 6330
14 2569
15 286
16 16
