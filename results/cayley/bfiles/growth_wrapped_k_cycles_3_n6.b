# growth of wrapped_k_cycles:3 at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 33
3 123
4 167
5 30
