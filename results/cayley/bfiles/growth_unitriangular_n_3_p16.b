# growth of unitriangular n=3 at p = 16: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 82
5 164
6 294
7 476
8 706
9 768
10 550
11 344
12 259
13 192
14 128
15 64
16 16
