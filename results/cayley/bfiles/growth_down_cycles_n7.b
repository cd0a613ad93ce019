# growth of down_cycles at n = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 21
2 175
3 735
4 1624
5 1764
6 720
