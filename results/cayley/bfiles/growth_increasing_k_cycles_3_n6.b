# growth of increasing_k_cycles:3 at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 20
2 147
3 161
4 31
