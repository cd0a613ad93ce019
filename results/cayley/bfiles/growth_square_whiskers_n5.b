# growth of square_whiskers at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 5
3 8
4 13
5 21
6 32
7 23
8 11
9 3
