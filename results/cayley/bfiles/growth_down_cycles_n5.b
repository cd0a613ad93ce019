# growth of down_cycles at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 35
3 50
4 24
