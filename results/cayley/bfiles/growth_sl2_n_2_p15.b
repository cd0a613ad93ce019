# growth of sl2 n=2 at p = 15: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 448
8 568
9 623
10 572
11 107
12 6
