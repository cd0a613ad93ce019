# growth of heisenberg n=6 at p = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 16
2 136
3 832
4 3714
5 12208
6 29065
7 49024
8 57672
9 49216
10 32720
11 17472
12 7280
13 2240
14 480
15 64
16 4
