# diameter of the Cayley graph of rapaport_m1 by n
# written by discover from verified records in its results store
4 4
5 6
6 8
7 9
8 11
9 13
10 15
11 16
12 18
13 19
