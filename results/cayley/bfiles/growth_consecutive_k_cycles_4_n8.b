# growth of consecutive_k_cycles:4 at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 5
2 24
3 109
4 458
5 1698
6 4808
7 8868
8 10474
9 8172
10 4172
11 1290
12 223
13 18
