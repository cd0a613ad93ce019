# growth of wrapped_k_cycles:3 at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 5
2 21
3 31
4 2
