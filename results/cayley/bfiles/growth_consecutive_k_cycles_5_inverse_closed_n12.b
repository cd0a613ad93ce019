# growth of consecutive_k_cycles:5 inverse-closed at n = 12: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 16
2 216
3 2740
4 30641
5 295161
6 2163986
7 10817923
8 34365977
9 64939516
10 68806672
11 40466674
12 14078620
13 3042148
14 451103
15 38417
16 988
17 1
