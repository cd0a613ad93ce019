# growth of consecutive_k_cycles:9 inverse-closed at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 2
2 2
3 2
4 2
