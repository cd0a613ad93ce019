# growth of consecutive_k_cycles:5 at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 5
2 25
3 121
4 566
5 2474
6 9411
7 28316
8 53624
9 51645
10 26979
11 7515
12 756
13 2
