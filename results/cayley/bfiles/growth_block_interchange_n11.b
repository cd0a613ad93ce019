# growth of block_interchange at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 715
2 88803
3 2641925
4 18128396
5 19056960
