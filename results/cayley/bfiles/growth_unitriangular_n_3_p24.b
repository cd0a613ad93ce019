# growth of unitriangular n=3 at p = 24: a(k) = elements at distance k
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
10 1388
11 1440
12 1324
13 1328
14 1143
15 876
16 768
17 672
18 576
19 480
20 384
21 288
22 192
23 96
24 24
