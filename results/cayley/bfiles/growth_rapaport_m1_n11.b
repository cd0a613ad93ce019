# growth of rapaport_m1 at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 70
3 389
4 1947
5 8823
6 36177
7 133883
8 438220
9 1256865
10 3092891
11 6342717
12 10315246
13 11519732
14 6075449
15 692189
16 2191
