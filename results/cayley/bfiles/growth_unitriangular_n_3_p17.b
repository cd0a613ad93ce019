# growth of unitriangular n=3 at p = 17: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 82
5 164
6 294
7 476
8 724
9 848
10 800
11 448
12 344
13 272
14 204
15 136
16 68
