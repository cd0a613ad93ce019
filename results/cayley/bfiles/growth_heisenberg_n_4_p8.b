# growth of heisenberg n=4 at p = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 40
3 168
4 542
5 1472
6 3214
7 5440
8 6631
9 5872
10 4188
11 2656
12 1504
13 704
14 256
15 64
16 8
