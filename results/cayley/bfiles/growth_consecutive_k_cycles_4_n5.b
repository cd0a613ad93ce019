# growth of consecutive_k_cycles:4 at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 2
2 4
3 8
4 14
5 22
6 28
7 23
8 13
9 5
