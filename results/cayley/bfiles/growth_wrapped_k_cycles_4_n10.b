# growth of wrapped_k_cycles:4 at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 85
3 661
4 4825
5 31380
6 166813
7 612860
8 1239116
9 1132646
10 403214
11 36843
12 346
