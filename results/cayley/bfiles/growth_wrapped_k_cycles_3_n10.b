# growth of wrapped_k_cycles:3 at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 75
3 460
4 2385
5 10595
6 39275
7 120167
8 287301
9 487325
10 519307
11 284135
12 60064
13 3255
14 45
