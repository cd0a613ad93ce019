# growth of transposons at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 220
2 16203
3 484440
4 5706464
5 21171518
6 12537954
