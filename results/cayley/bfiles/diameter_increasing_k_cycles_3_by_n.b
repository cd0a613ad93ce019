# diameter of the Cayley graph of increasing_k_cycles:3 by n
# written by discover from verified records in its results store
4 2
5 4
6 4
7 6
8 6
9 8
10 8
11 10
