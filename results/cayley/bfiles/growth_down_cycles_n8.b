# growth of down_cycles at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 28
2 322
3 1960
4 6769
5 13132
6 13068
7 5040
