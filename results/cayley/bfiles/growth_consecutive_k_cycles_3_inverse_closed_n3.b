# growth of consecutive_k_cycles:3 inverse-closed at n = 3: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 2
