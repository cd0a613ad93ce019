# growth of burnt_pancake at n = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 36
4 90
5 124
6 96
7 18
8 3
