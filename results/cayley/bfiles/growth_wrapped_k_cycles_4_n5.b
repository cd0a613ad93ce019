# growth of wrapped_k_cycles:4 at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 5
2 16
3 40
4 42
5 15
6 1
