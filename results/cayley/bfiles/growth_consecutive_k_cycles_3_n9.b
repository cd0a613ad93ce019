# growth of consecutive_k_cycles:3 at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 7
2 39
3 175
4 634
5 1883
6 4577
7 9111
8 15179
9 21559
10 26407
11 27974
12 25664
13 20362
14 13893
15 8059
16 3886
17 1502
18 436
19 84
20 8
