# growth of consecutive_k_cycles:4 inverse-closed at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 27
3 111
4 281
5 243
6 51
