# growth of heisenberg n=4 at p = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 40
3 160
4 474
5 952
6 1090
7 320
8 80
