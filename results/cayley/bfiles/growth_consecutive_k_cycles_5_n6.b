# growth of consecutive_k_cycles:5 at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 2
2 4
3 8
4 16
5 28
6 45
7 65
8 78
9 67
10 41
11 5
