# growth of burnt_pancake at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 5
2 20
3 80
4 280
5 680
6 1214
7 1127
8 389
9 40
10 4
