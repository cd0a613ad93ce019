# growth of wrapped_k_cycles:4 at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 60
3 384
4 2139
5 8925
6 16883
7 10835
8 1077
9 8
