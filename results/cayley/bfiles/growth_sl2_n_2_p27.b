# growth of sl2 n=2 at p = 27: a(k) = elements at distance k
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
9 2096
10 3528
11 4102
12 3616
13 1434
14 404
15 32
