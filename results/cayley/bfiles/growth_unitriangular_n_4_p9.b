# growth of unitriangular n=4 at p = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 26
3 110
4 414
5 1440
6 4732
7 14172
8 39326
9 95912
10 173398
11 159668
12 41712
13 524
