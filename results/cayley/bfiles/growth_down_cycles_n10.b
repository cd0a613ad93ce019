# growth of down_cycles at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 45
2 870
3 9450
4 63273
5 269325
6 723680
7 1172700
8 1026576
9 362880
