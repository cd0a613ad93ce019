# growth of consecutive_k_cycles:4 inverse-closed at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 52
3 302
4 1186
5 1947
6 1270
7 263
8 11
