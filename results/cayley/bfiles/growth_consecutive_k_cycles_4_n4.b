# growth of consecutive_k_cycles:4 at n = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 1
2 1
3 1
