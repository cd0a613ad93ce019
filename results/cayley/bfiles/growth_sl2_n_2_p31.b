# growth of sl2 n=2 at p = 31: a(k) = elements at distance k
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
9 2286
10 4426
11 6464
12 7030
13 5500
14 1660
15 110
