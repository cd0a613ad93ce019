# growth of sl2 n=2 at p = 29: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 574
8 1134
9 1936
10 3104
11 4734
12 5650
13 4676
14 1796
15 200
