# growth of larx at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 2
2 3
3 5
4 8
5 13
6 20
7 31
8 49
9 77
10 120
11 180
12 259
13 357
14 464
15 566
16 634
17 663
18 660
19 535
20 288
21 91
22 14
