# growth of heisenberg n=4 at p = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 40
3 168
4 546
5 1504
6 3546
7 6752
8 9812
9 10752
10 9376
11 6752
12 4752
13 2880
14 1440
15 576
16 144
