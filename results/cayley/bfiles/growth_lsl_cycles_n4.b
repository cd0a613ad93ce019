# growth of lsl_cycles at n = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 7
3 7
4 4
5 1
