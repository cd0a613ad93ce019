# growth of wrapped_k_cycles:3 at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 9
2 63
3 363
4 1756
5 6885
6 21309
7 46666
8 60773
9 36604
10 6787
11 222
12 2
