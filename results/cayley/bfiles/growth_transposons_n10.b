# growth of transposons at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 165
2 8646
3 170907
4 1183457
5 2010571
6 255053
