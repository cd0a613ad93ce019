# growth of wrapped_k_cycles:4 at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 11
2 99
3 814
4 6226
5 43802
6 269743
7 1341417
8 4826835
9 10978748
10 13271548
11 7498315
12 1583430
13 95293
14 518
