# growth of sl2 n=2 at p = 32: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 1120
9 2028
10 3464
11 5388
12 5773
13 3836
14 1490
15 264
16 66
17 14
18 1
