# growth of sl2 n=2 at p = 35: a(k) = elements at distance k
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
9 2304
10 4568
11 6982
12 9173
13 8550
14 5085
15 1226
16 148
