# growth of sl2 n=2 at p = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 64
5 110
6 105
7 10
