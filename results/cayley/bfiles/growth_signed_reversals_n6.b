# growth of signed_reversals at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 21
2 245
3 2170
4 8820
5 19495
6 15148
7 180
