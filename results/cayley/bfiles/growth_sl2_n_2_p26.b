# growth of sl2 n=2 at p = 26: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 1012
9 1668
10 2344
11 2932
12 2402
13 1096
14 418
15 98
16 2
