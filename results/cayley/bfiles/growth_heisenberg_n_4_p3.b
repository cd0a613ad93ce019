# growth of heisenberg n=4 at p = 3: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 32
3 88
4 114
