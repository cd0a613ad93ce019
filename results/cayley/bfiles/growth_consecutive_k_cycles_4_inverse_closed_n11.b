# growth of consecutive_k_cycles:4 inverse-closed at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 16
2 192
3 2066
4 18746
5 128599
6 624778
7 2081320
8 4736642
9 7458673
10 8385271
11 7072176
12 4788467
13 2728207
14 1279033
15 466025
16 123334
17 21263
18 1936
19 55
