# growth of consecutive_k_cycles:5 at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 9
3 27
4 81
5 212
6 448
7 733
8 773
9 221
10 12
