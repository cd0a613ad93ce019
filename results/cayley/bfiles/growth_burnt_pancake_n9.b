# growth of burnt_pancake at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 9
2 72
3 576
4 4320
5 28224
6 166740
7 843822
8 3636954
9 12675375
10 33773653
11 60758618
12 57953163
13 15244962
14 701298
15 6721
16 51
17 1
