# growth of wrapped_k_cycles:4 at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 9
2 72
3 531
4 3492
5 19533
6 75951
7 141261
8 101602
9 20106
10 322
