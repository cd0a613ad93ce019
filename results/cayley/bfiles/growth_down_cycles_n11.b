# growth of down_cycles at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 55
2 1320
3 18150
4 157773
5 902055
6 3416930
7 8409500
8 12753576
9 10628640
10 3628800
