# growth of sl2 n=2 at p = 2: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 2
2 2
3 1
