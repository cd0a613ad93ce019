# growth of consecutive_k_cycles:5 at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 35
3 196
4 1063
5 5445
6 24854
7 93439
8 250107
9 426421
10 471358
11 342349
12 154198
13 39505
14 5133
15 290
