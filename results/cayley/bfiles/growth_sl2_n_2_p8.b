# growth of sl2 n=2 at p = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 66
5 126
6 109
7 32
8 4
