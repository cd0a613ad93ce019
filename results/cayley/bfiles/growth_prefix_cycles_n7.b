# growth of prefix_cycles at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 35
3 168
4 630
5 1680
6 2520
