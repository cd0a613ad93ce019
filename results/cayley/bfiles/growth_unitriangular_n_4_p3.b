# growth of unitriangular n=4 at p = 3: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 20
3 56
4 116
5 208
6 268
7 52
8 2
