# growth of square_whiskers:1:0:1:1 at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 6
3 11
4 20
5 37
6 66
7 117
8 208
9 371
10 654
11 1139
12 1931
13 3149
14 4736
15 6662
16 8044
17 7329
18 4345
19 1339
20 149
21 3
