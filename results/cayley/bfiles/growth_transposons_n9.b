# growth of transposons at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 120
2 4284
3 52512
4 191636
5 114327
