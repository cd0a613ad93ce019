# growth of prefix_cycles at n = 12: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 11
2 120
3 1188
4 10560
5 83160
6 570240
7 3326400
8 15966720
9 59875200
10 159667200
11 239500800
