# growth of wrapped_k_cycles:3 at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 52
3 280
4 1206
5 3796
6 7336
7 6052
8 1401
9 28
