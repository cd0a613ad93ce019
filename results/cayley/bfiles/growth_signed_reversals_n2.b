# growth of signed_reversals at n = 2: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 3
3 1
