# growth of heisenberg n=4 at p = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 40
3 168
4 546
5 1508
6 3602
7 7212
8 11612
9 14760
10 15193
11 13552
12 10996
13 8272
14 5760
15 3560
16 1920
17 880
18 320
19 80
20 10
