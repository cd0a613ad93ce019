# growth of wrapped_k_cycles:5 at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 95
3 790
4 5991
5 40597
6 222986
7 761345
8 732124
9 50426
10 35
