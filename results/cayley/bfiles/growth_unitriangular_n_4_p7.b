# growth of unitriangular n=4 at p = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 26
3 110
4 408
5 1400
6 4220
7 12036
8 29830
9 46784
10 21562
11 1232
12 34
