# growth of unitriangular n=3 at p = 14: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 82
5 164
6 294
7 474
8 604
9 466
10 252
11 172
12 113
13 56
14 14
