# growth of unitriangular n=3 at p = 13: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 82
5 164
6 294
7 472
8 548
9 264
10 164
11 104
12 52
