# growth of stars at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 30
3 135
4 460
5 1110
6 1689
7 1254
8 340
9 15
