# growth of unitriangular n=4 at p = 12: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 26
3 110
4 414
5 1446
6 4799
7 14992
8 43166
9 115472
10 275263
11 540760
12 754911
13 672240
14 373826
15 137278
16 38842
17 10688
18 1744
