# growth of increasing_k_cycles:3 at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 165
2 11319
3 328702
4 3512256
5 9793261
6 5133657
7 1101684
8 76341
9 1013
10 1
