# growth of sl2 n=2 at p = 28: a(k) = elements at distance k
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
10 3620
11 4090
12 2812
13 894
14 103
15 18
16 3
