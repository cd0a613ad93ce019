# growth of wrapped_k_cycles:5 at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 22
3 56
4 106
5 125
6 44
