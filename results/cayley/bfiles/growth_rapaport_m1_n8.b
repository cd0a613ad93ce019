# growth of rapaport_m1 at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 7
2 33
3 124
4 419
5 1249
6 3178
7 6656
8 11064
9 12358
10 5032
11 199
