# diameter of the Cayley graph of lsl_cycles by n
# written by discover from verified records in its results store
3 2
4 5
5 7
6 12
7 15
8 21
9 25
10 32
11 37
12 45
13 51
