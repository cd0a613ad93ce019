# growth of sl2 n=2 at p = 21: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 562
8 1019
9 1620
10 2085
11 1468
12 650
13 98
14 6
