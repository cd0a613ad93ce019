# growth of sl2 n=2 at p = 22: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 1038
9 1534
10 1794
11 1534
12 744
13 134
14 10
