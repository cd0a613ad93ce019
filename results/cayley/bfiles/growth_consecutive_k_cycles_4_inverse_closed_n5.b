# growth of consecutive_k_cycles:4 inverse-closed at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 10
3 22
4 42
5 33
6 7
7 1
