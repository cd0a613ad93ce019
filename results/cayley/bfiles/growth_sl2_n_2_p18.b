# growth of sl2 n=2 at p = 18: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 558
8 914
9 974
10 614
11 230
12 42
