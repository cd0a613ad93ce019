# growth of wrapped_k_cycles:5 at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 11
2 110
3 1023
4 8811
5 68630
6 458019
7 2382117
8 7525818
9 8179040
10 1324501
11 10318
12 1
