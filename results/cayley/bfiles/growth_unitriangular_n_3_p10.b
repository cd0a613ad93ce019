# growth of unitriangular n=3 at p = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 82
5 162
6 282
7 254
8 112
9 44
10 11
