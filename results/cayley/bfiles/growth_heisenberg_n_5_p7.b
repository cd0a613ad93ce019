# growth of heisenberg n=5 at p = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 84
3 460
4 1958
5 6896
6 20026
7 46808
8 86546
9 124640
10 139680
11 130944
12 105552
13 76608
14 47040
15 23744
16 9408
17 2688
18 448
