# diameter of the Cayley graph of consecutive_k_cycles:3 inverse-closed by n
# written by discover from verified records in its results store
3 1
4 3
5 5
6 7
7 10
8 14
9 18
10 22
11 27
12 33
