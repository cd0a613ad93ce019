# growth of prefix_cycles at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 63
3 432
4 2520
5 12096
6 45360
7 120960
8 181440
