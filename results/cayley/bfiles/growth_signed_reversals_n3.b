# growth of signed_reversals at n = 3: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 6
2 16
3 25
