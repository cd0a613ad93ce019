# growth of sl2 n=2 at p = 14: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 289
7 464
8 550
9 358
10 88
11 4
