# growth of unitriangular n=4 at p = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 26
3 110
4 411
5 1420
6 4460
7 13032
8 33880
9 69286
10 84109
11 46804
12 8143
13 414
14 42
