# growth of consecutive_k_cycles:4 at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 16
3 61
4 211
5 629
6 1328
7 1549
8 932
9 277
10 32
