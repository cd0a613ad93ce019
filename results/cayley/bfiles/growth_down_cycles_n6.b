# growth of down_cycles at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 15
2 85
3 225
4 274
5 120
