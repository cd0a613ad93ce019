# growth of consecutive_k_cycles:3 inverse-closed at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 20
3 23
4 9
5 1
