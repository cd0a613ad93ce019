# growth of unitriangular n=3 at p = 19: a(k) = elements at distance k
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
9 980
10 1004
11 920
12 566
13 456
14 380
15 304
16 228
17 152
18 76
