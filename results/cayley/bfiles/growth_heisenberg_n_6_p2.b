# growth of heisenberg n=6 at p = 2: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 32
3 88
4 149
5 144
6 72
7 16
8 2
