# growth of down_cycles at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 36
2 546
3 4536
4 22449
5 67284
6 118124
7 109584
8 40320
