# growth of signed_reversals at n = 8: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 36
2 756
3 12600
4 115254
5 684525
6 2295786
7 4198049
8 3006846
9 8067
