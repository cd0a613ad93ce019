# growth of sl2 n=2 at p = 25: a(k) = elements at distance k
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
9 1942
10 2936
11 3116
12 2602
13 1452
14 524
15 84
16 36
17 18
18 6
