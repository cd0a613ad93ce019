# growth of wrapped_k_cycles:4 at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 33
3 136
4 290
5 216
6 36
7 2
