# growth of unitriangular n=4 at p = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 26
3 104
4 368
5 1032
6 2792
7 6004
8 4858
9 428
10 6
