# diameter of the Cayley graph of wrapped_k_cycles:4 by n
# written by discover from verified records in its results store
4 3
5 6
6 7
7 7
8 9
9 10
10 12
11 14
12 16
