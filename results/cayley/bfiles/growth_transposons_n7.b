# growth of transposons at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 56
2 770
3 2700
4 1513
