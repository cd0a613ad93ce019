# growth of wrapped_k_cycles:3 at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 7
2 42
3 204
4 672
5 1072
6 472
7 49
8 1
