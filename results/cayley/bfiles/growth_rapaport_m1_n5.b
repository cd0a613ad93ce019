# growth of rapaport_m1 at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 10
3 19
4 34
5 42
6 10
