# growth of transposons at n = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 35
2 259
3 380
4 45
