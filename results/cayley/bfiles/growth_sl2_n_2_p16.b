# growth of sl2 n=2 at p = 16: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 12
3 30
4 68
5 148
6 281
7 466
8 618
9 664
10 506
11 224
12 50
