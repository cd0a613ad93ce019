# growth of wrapped_k_cycles:5 at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 9
2 73
3 576
4 3826
5 21382
6 75365
7 76345
8 3863
