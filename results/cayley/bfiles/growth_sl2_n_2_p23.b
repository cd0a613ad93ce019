# growth of sl2 n=2 at p = 23: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 562
8 1038
9 1736
10 2552
11 2732
12 2206
13 710
14 52
