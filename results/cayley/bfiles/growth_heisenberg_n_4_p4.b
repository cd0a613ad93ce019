# growth of heisenberg n=4 at p = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 36
3 128
4 282
5 344
6 189
7 32
8 4
