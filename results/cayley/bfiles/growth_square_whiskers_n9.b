# growth of square_whiskers at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 5
3 8
4 12
5 17
6 24
7 33
8 45
9 58
10 72
11 90
12 110
13 123
14 138
15 150
16 128
17 101
18 82
19 62
20 23
21 8
22 3
