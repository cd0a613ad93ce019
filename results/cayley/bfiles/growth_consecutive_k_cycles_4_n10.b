# growth of consecutive_k_cycles:4 at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 7
2 43
3 247
4 1328
5 6502
6 26856
7 86356
8 211423
9 400880
10 598203
11 706353
12 659052
13 482808
14 275492
15 121409
16 40508
17 9730
18 1494
19 108
