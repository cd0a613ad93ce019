# growth of stars at n = 12: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 11
2 110
3 1045
4 8745
5 64020
6 404778
7 2161698
8 9459120
9 32484210
10 82091130
11 137957160
12 131848001
13 65250691
14 15643870
15 1581965
16 45045
