# diameter of the Cayley graph of prefix_cycles by n
# written by discover from verified records in its results store
3 2
4 3
5 4
6 5
7 6
8 7
9 8
10 9
11 10
12 11
13 12
