# growth of unitriangular n=3 at p = 22: a(k) = elements at distance k
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
10 1268
11 1214
12 1146
13 970
14 719
15 616
16 528
17 440
18 352
19 264
20 176
21 88
22 22
