# growth of stars at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 44
5 26
6 3
