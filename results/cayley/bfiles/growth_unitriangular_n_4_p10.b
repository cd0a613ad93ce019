# growth of unitriangular n=4 at p = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 26
3 110
4 414
5 1443
6 4776
7 14572
8 41082
9 104283
10 213827
11 295256
12 225821
13 82934
14 14050
15 1396
16 3
