# diameter of the Cayley graph of consecutive_k_cycles:5 inverse-closed by n
# written by discover from verified records in its results store
5 2
6 9
7 8
8 8
9 9
10 11
11 14
12 17
