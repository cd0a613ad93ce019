# growth of sl2 n=2 at p = 37: a(k) = elements at distance k
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
9 2132
10 3828
11 6632
12 9546
13 11980
14 10338
15 3402
16 450
17 24
