# diameter of the Cayley graph of block_interchange by n
# written by discover from verified records in its results store
3 1
4 2
5 2
6 3
7 3
8 4
9 4
10 5
11 5
