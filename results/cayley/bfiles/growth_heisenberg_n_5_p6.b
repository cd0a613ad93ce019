# growth of heisenberg n=5 at p = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 84
3 454
4 1886
5 6230
6 16192
7 32300
8 48253
9 53424
10 46432
11 34168
12 21642
13 11592
14 5040
15 1716
16 432
17 72
18 6
