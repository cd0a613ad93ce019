# growth of signed_reversals at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 28
2 448
3 5586
4 35612
5 138229
6 262688
7 202464
8 64
