# growth of sl2 n=2 at p = 40: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 1152
9 2268
10 3848
11 5786
12 7377
13 7810
14 6698
15 4636
16 2922
17 1650
18 644
19 126
20 24
21 6
22 1
