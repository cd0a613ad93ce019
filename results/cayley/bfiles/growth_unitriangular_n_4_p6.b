# growth of unitriangular n=4 at p = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 26
3 107
4 388
5 1192
6 3397
7 8571
8 14981
9 13052
10 4506
11 396
12 29
13 4
