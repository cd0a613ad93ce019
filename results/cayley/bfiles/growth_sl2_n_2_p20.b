# growth of sl2 n=2 at p = 20: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 888
9 1154
10 1249
11 934
12 368
13 34
14 1
