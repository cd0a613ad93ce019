# growth of consecutive_k_cycles:3 at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 9
3 18
4 18
5 9
6 2
