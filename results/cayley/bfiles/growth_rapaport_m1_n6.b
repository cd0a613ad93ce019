# growth of rapaport_m1 at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 5
2 16
3 41
4 95
5 176
6 240
7 143
8 3
