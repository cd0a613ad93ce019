# growth of consecutive_k_cycles:4 inverse-closed at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 14
2 151
3 1475
4 11832
5 66928
6 247022
7 580944
8 869447
9 847796
10 567965
11 284645
12 112259
13 32113
14 5714
15 485
16 9
