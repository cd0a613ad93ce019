# growth of sl2 n=2 at p = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 10
3 16
4 12
5 4
6 1
