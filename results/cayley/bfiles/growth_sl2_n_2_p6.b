# growth of sl2 n=2 at p = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 28
4 48
5 40
6 11
