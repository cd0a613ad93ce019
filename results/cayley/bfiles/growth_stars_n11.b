# growth of stars at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 90
3 765
4 5640
5 35700
6 190638
7 832860
8 2849160
9 7145310
10 11821860
11 10899180
12 5012261
13 1043630
14 78750
15 945
