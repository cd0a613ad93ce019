# growth of sl2 n=2 at p = 30: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 1120
9 1857
10 2350
11 2523
12 2344
13 1922
14 1556
15 1170
16 770
17 392
18 123
19 18
20 3
