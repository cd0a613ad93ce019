# growth of signed_reversals at n = 10: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 55
2 1815
3 48675
4 781968
5 8760653
6 63317771
7 303929186
8 893848890
9 1462987482
10 981609816
11 604888
