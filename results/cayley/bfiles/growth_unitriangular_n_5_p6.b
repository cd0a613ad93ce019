# growth of unitriangular n=5 at p = 6: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 44
3 220
4 1002
5 4154
6 16371
7 60870
8 206797
9 651264
10 1958952
11 5437376
12 12590161
13 19563616
14 15190520
15 4508428
16 268806
17 7104
18 428
19 48
20 6
