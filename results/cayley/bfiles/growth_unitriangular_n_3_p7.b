# growth of unitriangular n=3 at p = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 78
5 144
6 58
7 8
8 2
