# growth of rapaport_m1 at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 24
3 75
4 214
5 526
6 1019
7 1555
8 1381
9 239
