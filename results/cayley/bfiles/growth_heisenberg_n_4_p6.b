# growth of heisenberg n=4 at p = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 40
3 164
4 506
5 1172
6 1922
7 1976
8 1221
9 520
10 192
11 48
12 6
