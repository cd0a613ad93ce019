# growth of unitriangular n=3 at p = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 32
4 62
5 12
6 2
