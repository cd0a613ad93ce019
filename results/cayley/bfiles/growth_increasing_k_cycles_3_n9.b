# growth of increasing_k_cycles:3 at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 84
2 2814
3 32434
4 93192
5 45349
6 7318
7 247
8 1
