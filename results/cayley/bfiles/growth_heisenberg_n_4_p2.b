# growth of heisenberg n=4 at p = 2: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 8
3 12
4 7
