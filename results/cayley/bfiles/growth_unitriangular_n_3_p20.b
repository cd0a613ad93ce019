# growth of unitriangular n=3 at p = 20: a(k) = elements at distance k
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
9 1016
10 1094
11 1008
12 812
13 576
14 481
15 400
16 320
17 240
18 160
19 80
20 20
