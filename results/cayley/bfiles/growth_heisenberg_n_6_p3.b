# growth of heisenberg n=6 at p = 3: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 16
2 128
3 688
4 2466
5 5632
6 6912
7 3072
8 768
