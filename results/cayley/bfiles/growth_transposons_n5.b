# growth of transposons at n = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 20
2 68
3 31
