# growth of increasing_k_cycles:3 at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 120
2 5874
3 111562
4 662736
5 782056
6 227638
7 23902
8 511
