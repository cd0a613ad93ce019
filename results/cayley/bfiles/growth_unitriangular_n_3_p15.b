# growth of unitriangular n=3 at p = 15: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 82
5 164
6 294
7 476
8 660
9 688
10 348
11 248
12 182
13 120
14 60
