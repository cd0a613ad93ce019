# growth of sl2 n=2 at p = 19: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 562
8 1026
9 1530
10 1754
11 1050
12 352
13 10
