# growth of unitriangular n=3 at p = 12: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 82
5 164
6 292
7 436
8 366
9 176
10 99
11 48
12 12
