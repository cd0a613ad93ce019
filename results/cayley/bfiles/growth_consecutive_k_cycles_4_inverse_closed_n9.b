# growth of consecutive_k_cycles:4 inverse-closed at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 114
3 984
4 6691
5 28963
6 73134
7 105612
8 87491
9 42911
10 13688
11 2950
12 321
13 8
