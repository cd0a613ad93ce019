# growth of square_whiskers:1:1 at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 5
3 8
4 12
5 17
6 25
7 37
8 47
9 61
10 74
11 91
12 97
13 82
14 52
15 28
16 8
