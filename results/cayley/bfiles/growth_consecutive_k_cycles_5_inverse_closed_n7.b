# growth of consecutive_k_cycles:5 inverse-closed at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 30
3 136
4 490
5 1074
6 730
7 50
8 3
