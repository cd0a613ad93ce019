# growth of prefix_cycles at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 99
3 880
4 6930
5 47520
6 277200
7 1330560
8 4989600
9 13305600
10 19958400
