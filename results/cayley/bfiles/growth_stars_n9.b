# growth of stars at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 56
3 364
4 1960
5 8540
6 28994
7 71512
8 114064
9 96116
10 36260
11 4900
12 105
