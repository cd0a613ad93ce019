# growth of unitriangular n=5 at p = 3: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 36
3 132
4 406
5 1128
6 2776
7 5768
8 10908
9 17280
10 17748
11 2760
12 98
