# growth of unitriangular n=4 at p = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 26
3 110
4 414
5 1446
6 4796
7 14916
8 42558
9 113080
10 261382
11 465744
12 510640
13 280944
14 63754
15 11744
