# growth of unitriangular n=3 at p = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 82
5 160
6 262
7 128
8 44
