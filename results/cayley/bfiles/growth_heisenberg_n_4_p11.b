# growth of heisenberg n=4 at p = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 40
3 168
4 546
5 1512
6 3634
7 7616
8 13356
9 19040
10 21962
11 21920
12 20048
13 16352
14 13024
15 9504
16 6160
17 3520
18 1760
19 704
20 176
