# growth of prefix_cycles at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 5
2 24
3 90
4 240
5 360
