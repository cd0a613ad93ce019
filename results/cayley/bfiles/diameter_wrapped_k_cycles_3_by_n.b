# diameter of the Cayley graph of wrapped_k_cycles:3 by n
# written by discover from verified records in its results store
# not consecutive: no term for n = 4
3 2
5 4
6 5
7 8
8 9
9 12
10 14
11 18
12 20
