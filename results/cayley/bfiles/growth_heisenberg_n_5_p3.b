# growth of heisenberg n=5 at p = 3: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 72
3 292
4 722
5 896
6 192
