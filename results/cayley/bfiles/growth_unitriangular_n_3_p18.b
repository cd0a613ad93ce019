# growth of unitriangular n=3 at p = 18: a(k) = elements at distance k
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
9 914
10 904
11 674
12 449
13 360
14 288
15 216
16 144
17 72
18 18
