# growth of burnt_pancake at n = 1: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 1
