# growth of lsl_cycles at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 10
3 24
4 55
5 124
6 271
7 581
8 1156
9 2090
10 3353
11 4785
12 6122
13 7224
14 7206
15 5379
16 1658
17 228
18 34
19 10
20 4
21 1
