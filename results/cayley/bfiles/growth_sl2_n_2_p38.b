# growth of sl2 n=2 at p = 38: a(k) = elements at distance k
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
9 2230
10 3904
11 6398
12 8706
13 8906
14 5972
15 2215
16 412
17 13
