# growth of prefix_cycles at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 15
3 40
4 60
