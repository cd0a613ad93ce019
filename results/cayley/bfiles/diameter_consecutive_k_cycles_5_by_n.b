# diameter of the Cayley graph of consecutive_k_cycles:5 by n
# written by discover from verified records in its results store
5 4
6 11
7 10
8 11
9 13
10 15
11 18
12 21
