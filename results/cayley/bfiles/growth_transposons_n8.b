# growth of transposons at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 84
2 1932
3 13467
4 22000
5 2836
