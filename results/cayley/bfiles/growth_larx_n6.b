# growth of larx at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 2
2 3
3 5
4 8
5 12
6 18
7 28
8 43
9 63
10 88
11 113
12 125
13 108
14 70
15 24
16 8
17 1
