# growth of burnt_pancake at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 56
3 392
4 2548
5 14056
6 68656
7 276136
8 901970
9 2195663
10 3531887
11 2743477
12 562095
13 24627
14 347
15 1
