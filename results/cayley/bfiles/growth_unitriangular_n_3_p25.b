# growth of unitriangular n=3 at p = 25: a(k) = elements at distance k
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
10 1444
11 1548
12 1410
13 1400
14 1454
15 1024
16 900
17 800
18 700
19 600
20 500
21 400
22 300
23 200
24 100
