# growth of sl2 n=2 at p = 34: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 1136
9 1992
10 2882
11 3920
12 5074
13 5540
14 4382
15 2243
16 750
17 199
18 78
19 36
20 12
