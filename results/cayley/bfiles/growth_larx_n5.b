# growth of larx at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 2
2 3
3 5
4 7
5 10
6 15
7 20
8 25
9 23
10 9
