# growth of larx at n = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 2
2 3
3 4
4 5
5 5
6 3
7 1
