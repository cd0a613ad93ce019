# growth of increasing_k_cycles:3 at n = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 7
