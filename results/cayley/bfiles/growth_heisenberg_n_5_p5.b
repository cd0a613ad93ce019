# growth of heisenberg n=5 at p = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 84
3 448
4 1814
5 5636
6 12802
7 19712
8 18416
9 11200
10 5760
11 1920
12 320
