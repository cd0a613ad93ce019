# growth of consecutive_k_cycles:4 at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 9
3 27
4 71
5 154
6 235
7 175
8 44
9 1
