# growth of consecutive_k_cycles:3 inverse-closed at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 16
2 150
3 965
4 4571
5 16103
6 42502
7 85861
8 139349
9 192076
10 233620
11 253115
12 245012
13 211627
14 162475
15 110024
16 64889
17 32683
18 13640
19 4489
20 1068
21 155
22 9
