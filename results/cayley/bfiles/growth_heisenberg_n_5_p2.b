# growth of heisenberg n=5 at p = 2: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 18
3 38
4 43
5 20
6 2
