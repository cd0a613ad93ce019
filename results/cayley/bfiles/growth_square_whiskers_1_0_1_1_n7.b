# growth of square_whiskers:1:0:1:1 at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 5
3 8
4 13
5 16
6 24
7 34
8 48
9 68
10 95
11 132
12 176
13 236
14 315
15 418
16 528
17 646
18 673
19 684
20 504
21 327
22 80
23 6
