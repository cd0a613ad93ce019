# diameter of the Cayley graph of consecutive_k_cycles:3 by n
# written by discover from verified records in its results store
3 2
4 4
5 6
6 9
7 12
8 16
9 20
10 25
11 30
12 36
