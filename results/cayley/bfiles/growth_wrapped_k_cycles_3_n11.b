# growth of wrapped_k_cycles:3 at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 11
2 88
3 572
4 3146
5 15071
6 62315
7 221111
8 671781
9 1697774
10 3386704
11 5011655
12 5011722
13 2917486
14 842227
15 109869
16 6657
17 209
18 1
