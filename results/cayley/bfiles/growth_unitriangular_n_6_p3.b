# growth of unitriangular n=6 at p = 3: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 10
2 56
3 248
4 936
5 3208
6 10132
7 29244
8 78986
9 198248
10 455320
11 949008
12 1817292
13 3096704
14 4069204
15 3184596
16 446018
17 9600
18 96
