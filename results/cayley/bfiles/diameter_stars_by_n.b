# diameter of the Cayley graph of stars by n
# written by discover from verified records in its results store
3 3
4 4
5 6
6 7
7 9
8 10
9 12
10 13
11 15
12 16
13 18
