# growth of unitriangular n=3 at p = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 80
5 152
6 152
7 64
8 11
