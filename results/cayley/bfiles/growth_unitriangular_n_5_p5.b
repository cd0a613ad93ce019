# growth of unitriangular n=5 at p = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 44
3 216
4 966
5 3836
6 14614
7 51232
8 156564
9 453816
10 1239716
11 2808208
12 3866290
13 1150216
14 19762
15 132
16 4
