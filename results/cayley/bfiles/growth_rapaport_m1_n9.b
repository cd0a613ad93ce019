# growth of rapaport_m1 at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 44
3 191
4 749
5 2629
6 8044
7 21459
8 47608
9 85442
10 111757
11 74584
12 10334
13 30
