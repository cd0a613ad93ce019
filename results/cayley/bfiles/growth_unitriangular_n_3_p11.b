# growth of unitriangular n=3 at p = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 82
5 164
6 290
7 400
8 200
9 96
10 46
