# growth of stars at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 5
2 20
3 70
4 170
5 250
6 169
7 35
