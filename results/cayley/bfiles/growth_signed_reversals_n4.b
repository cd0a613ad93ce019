# growth of signed_reversals at n = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 50
3 170
4 145
5 8
