# growth of consecutive_k_cycles:4 at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 33
3 171
4 827
5 3590
6 12615
7 32209
8 58601
9 77984
10 77197
11 56208
12 29348
13 10810
14 2782
15 462
16 36
