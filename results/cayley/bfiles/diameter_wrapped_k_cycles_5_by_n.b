# diameter of the Cayley graph of wrapped_k_cycles:5 by n
# written by discover from verified records in its results store
5 4
6 6
7 7
8 7
9 8
10 10
11 12
12 14
