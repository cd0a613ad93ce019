# growth of stars at n = 4: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 3
2 6
3 9
4 5
