# diameter of the Cayley graph of square_whiskers:1:1 by n
# written by discover from verified records in its results store
5 7
6 7
7 30
8 38
9 16
10 57
11 85
12 34
