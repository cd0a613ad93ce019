# growth of heisenberg n=5 at p = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 78
3 376
4 1268
5 2924
6 4381
7 3952
8 2196
9 880
10 264
11 48
12 4
