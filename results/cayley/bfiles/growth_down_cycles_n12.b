# growth of down_cycles at n = 12: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 66
2 1925
3 32670
4 357423
5 2637558
6 13339535
7 45995730
8 105258076
9 150917976
10 120543840
11 39916800
