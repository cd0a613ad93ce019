# growth of consecutive_k_cycles:8 inverse-closed at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 34
4 90
5 232
6 569
7 1374
8 3183
9 6861
10 13355
11 23606
12 36926
13 51617
14 62748
15 65126
16 55131
17 32384
18 9415
19 201
20 10
21 1
