# growth of lsl_cycles at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 10
3 23
4 50
5 108
6 223
7 424
8 684
9 935
10 1016
11 900
12 502
13 142
14 17
15 1
