# growth of wrapped_k_cycles:5 at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 60
3 384
4 2068
5 7668
6 9275
7 696
