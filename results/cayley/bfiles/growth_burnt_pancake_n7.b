# growth of burnt_pancake at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 7
2 42
3 252
4 1386
5 6230
6 24024
7 71568
8 159326
9 222995
10 136301
11 21951
12 1021
13 15
14 1
