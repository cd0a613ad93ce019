# growth of down_cycles at n = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 11
3 6
