# growth of burnt_pancake at n = 2: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 2
2 2
3 2
4 1
