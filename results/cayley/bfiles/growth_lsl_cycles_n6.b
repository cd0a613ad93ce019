# growth of lsl_cycles at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 10
3 21
4 42
5 83
6 142
7 191
8 167
9 44
10 10
11 4
12 1
