# growth of sl2 n=2 at p = 39: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 576
8 1152
9 2142
10 3854
11 6836
12 9562
13 11904
14 9916
15 4544
16 1250
17 121
18 3
