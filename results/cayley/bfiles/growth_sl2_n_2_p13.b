# growth of sl2 n=2 at p = 13: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 293
7 464
8 602
9 486
10 76
