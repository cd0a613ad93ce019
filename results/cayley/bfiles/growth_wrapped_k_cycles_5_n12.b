# growth of wrapped_k_cycles:5 at n = 12: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 126
3 1236
4 11457
5 98664
6 761151
7 4955460
8 24355254
9 74549172
10 99107435
11 33883454
12 1771637
13 5737
14 4
