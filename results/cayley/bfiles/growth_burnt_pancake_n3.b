# growth of burnt_pancake at n = 3: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 6
3 12
4 18
5 6
6 2
