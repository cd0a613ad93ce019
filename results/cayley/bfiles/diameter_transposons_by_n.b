# diameter of the Cayley graph of transposons by n
# written by discover from verified records in its results store
3 2
4 3
5 3
6 4
7 4
8 5
9 5
10 6
11 6
