# growth of lsl_cycles at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 9
3 16
4 26
5 36
6 25
7 3
