# growth of consecutive_k_cycles:7 inverse-closed at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 30
3 146
4 604
5 2268
6 7643
7 21572
8 46416
9 64142
10 35259
11 3306
12 46
13 1
