# growth of square_whiskers:1:1 at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 5
3 8
4 12
5 9
6 7
7 3
