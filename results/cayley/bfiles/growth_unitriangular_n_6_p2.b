# growth of unitriangular n=6 at p = 2: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 5
2 14
3 33
4 71
5 143
6 273
7 487
8 823
9 1344
10 2074
11 2941
12 3904
13 4977
14 5806
15 5401
16 3291
17 1051
18 127
19 2
