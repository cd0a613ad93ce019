# growth of heisenberg n=4 at p = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 40
3 168
4 538
5 1440
6 2914
7 4112
8 3826
9 2080
10 1120
11 448
12 112
