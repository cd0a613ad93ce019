# growth of rapaport_m1 at n = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 5
3 7
4 8
