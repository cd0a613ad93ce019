# growth of signed_reversals at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 45
2 1200
3 25740
4 318600
5 2670025
6 13699020
7 43476100
8 73952585
9 51649124
10 2120
