# growth of burnt_pancake at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 30
3 150
4 675
5 2340
6 6604
7 12795
8 15519
9 6957
10 959
11 43
12 1
