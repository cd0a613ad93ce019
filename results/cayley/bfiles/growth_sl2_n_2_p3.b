# growth of sl2 n=2 at p = 3: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 8
3 10
4 1
