# growth of consecutive_k_cycles:3 at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 49
3 242
4 981
5 3335
6 9555
7 23057
8 47275
9 83641
10 129800
11 178456
12 218723
13 240104
14 236729
15 209727
16 166778
17 118584
18 74859
19 41467
20 19807
21 7936
22 2558
23 620
24 100
25 8
