# diameter of the Cayley graph of consecutive_k_cycles:4 inverse-closed by n
# written by discover from verified records in its results store
4 2
5 7
6 6
7 8
8 10
9 13
10 16
11 19
12 23
