# growth of heisenberg n=4 at p = 13: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 40
3 168
4 546
5 1512
6 3642
7 7792
8 14724
9 24016
10 33012
11 38288
12 40456
13 40640
14 38400
15 33408
16 28496
17 22880
18 17056
19 11648
20 7280
21 4160
22 2080
23 832
24 208
