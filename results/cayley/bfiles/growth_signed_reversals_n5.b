# growth of signed_reversals at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 15
2 120
3 700
4 1554
5 1447
6 3
