# growth of prefix_cycles at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 9
2 80
3 630
4 4320
5 25200
6 120960
7 453600
8 1209600
9 1814400
