# growth of consecutive_k_cycles:3 inverse-closed at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 14
2 116
3 647
4 2577
5 7251
6 14706
7 22420
8 27792
9 29610
10 27233
11 21488
12 14397
13 8031
14 3606
15 1230
16 285
17 35
18 1
