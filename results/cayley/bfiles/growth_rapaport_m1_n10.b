# growth of rapaport_m1 at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 9
2 56
3 278
4 1239
5 4980
6 17918
7 56978
8 157437
9 369556
10 710704
11 1048712
12 953362
13 297418
14 10151
15 1
