# growth of prefix_cycles at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 7
2 48
3 280
4 1344
5 5040
6 13440
7 20160
