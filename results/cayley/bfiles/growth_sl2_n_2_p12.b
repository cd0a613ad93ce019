# growth of sl2 n=2 at p = 12: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 267
7 334
8 224
9 60
10 4
