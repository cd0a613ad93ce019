# growth of unitriangular n=3 at p = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 34
4 70
5 66
6 24
7 4
8 1
