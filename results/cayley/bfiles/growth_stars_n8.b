# growth of stars at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 7
2 42
3 231
4 1015
5 3430
6 8379
7 13083
8 10408
9 3409
10 315
