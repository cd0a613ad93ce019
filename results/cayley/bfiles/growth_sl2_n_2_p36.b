# growth of sl2 n=2 at p = 36: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 1136
9 2154
10 3690
11 5762
12 6967
13 5884
14 3234
15 976
16 148
17 18
18 3
