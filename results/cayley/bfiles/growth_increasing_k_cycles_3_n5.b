# growth of increasing_k_cycles:3 at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 37
3 11
4 1
