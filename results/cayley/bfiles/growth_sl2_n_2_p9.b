# growth of sl2 n=2 at p = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 134
6 195
7 176
8 28
