# growth of prefix_cycles at n = 13: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 143
3 1560
4 15444
5 137280
6 1081080
7 7413120
8 43243200
9 207567360
10 778377600
11 2075673600
12 3113510400
