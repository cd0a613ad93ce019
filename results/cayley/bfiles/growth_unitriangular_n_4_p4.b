# growth of unitriangular n=4 at p = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 23
3 84
4 233
5 560
6 1111
7 1310
8 671
9 88
10 9
