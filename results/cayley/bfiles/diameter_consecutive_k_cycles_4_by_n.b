# diameter of the Cayley graph of consecutive_k_cycles:4 by n
# written by discover from verified records in its results store
4 3
5 9
6 9
7 10
8 13
9 16
10 19
11 23
12 27
