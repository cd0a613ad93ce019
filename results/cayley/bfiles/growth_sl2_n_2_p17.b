# growth of sl2 n=2 at p = 17: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 1136
9 1322
10 1100
11 204
12 2
