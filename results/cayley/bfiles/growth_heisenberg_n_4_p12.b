# growth of heisenberg n=4 at p = 12: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 40
3 168
4 546
5 1512
6 3638
7 7704
8 14024
9 21632
10 27379
11 29632
12 29548
13 27536
14 23932
15 19712
16 15360
17 11040
18 7248
19 4320
20 2304
21 1056
22 384
23 96
24 12
