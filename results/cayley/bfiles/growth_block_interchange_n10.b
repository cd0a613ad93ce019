# growth of block_interchange at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 495
2 39963
3 696905
4 2286636
5 604800
