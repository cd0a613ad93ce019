# growth of consecutive_k_cycles:5 inverse-closed at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 14
2 170
3 1944
4 19258
5 160439
6 940850
7 3338272
8 6436815
9 6002399
10 2510732
11 498961
12 46579
13 1956
14 10
