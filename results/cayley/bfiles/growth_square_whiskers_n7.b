# growth of square_whiskers at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 5
3 8
4 12
5 17
6 25
7 37
8 54
9 79
10 116
11 170
12 248
13 353
14 510
15 629
16 782
17 842
18 646
19 358
20 119
21 25
22 1
