# growth of unitriangular n=5 at p = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 40
3 180
4 687
5 2396
6 7621
7 21072
8 53367
9 123652
10 239000
11 312460
12 217311
13 64432
14 6255
15 88
16 6
