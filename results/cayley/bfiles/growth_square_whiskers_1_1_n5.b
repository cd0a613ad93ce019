# growth of square_whiskers:1:1 at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 5
3 7
4 9
5 11
6 12
7 12
