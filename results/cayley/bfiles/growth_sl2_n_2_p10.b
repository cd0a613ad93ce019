# growth of sl2 n=2 at p = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 146
6 197
7 150
8 74
9 30
10 8
