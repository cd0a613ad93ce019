# growth of unitriangular n=4 at p = 2: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 5
3 8
4 11
5 13
6 13
7 8
8 2
