# growth of unitriangular n=3 at p = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 10
3 24
4 20
5 4
6 1
