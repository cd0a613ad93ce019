# growth of sl2 n=2 at p = 24: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 562
8 1009
9 1636
10 2001
11 1792
12 1083
13 404
14 137
15 32
16 4
