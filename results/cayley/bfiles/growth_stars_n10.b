# growth of stars at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 9
2 72
3 540
4 3444
5 18396
6 80262
7 273546
8 680448
9 1106460
10 978696
11 411984
12 71477
13 3465
