# growth of unitriangular n=5 at p = 7: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 8
2 44
3 224
4 1038
5 4544
6 18650
7 73632
8 276586
9 959520
10 3129764
11 9922144
12 29211626
13 71918400
14 112387822
15 52768808
16 1793374
17 8832
18 224
19 8
