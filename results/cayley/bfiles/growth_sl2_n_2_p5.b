# growth of sl2 n=2 at p = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 26
4 48
5 26
6 3
