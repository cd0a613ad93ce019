# growth of unitriangular n=3 at p = 21: a(k) = elements at distance k
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
9 1052
10 1184
11 1096
12 1078
13 704
14 590
15 504
16 420
17 336
18 252
19 168
20 84
