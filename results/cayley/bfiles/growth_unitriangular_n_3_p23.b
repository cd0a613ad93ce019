# growth of unitriangular n=3 at p = 23: a(k) = elements at distance k
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
10 1328
11 1332
12 1238
13 1256
14 856
15 736
16 644
17 552
18 460
19 368
20 276
21 184
22 92
