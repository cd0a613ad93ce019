# growth of unitriangular n=5 at p = 2: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 9
3 18
4 33
5 56
6 88
7 122
8 155
9 190
10 193
11 122
12 33
