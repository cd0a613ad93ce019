# diameter of the Cayley graph of square_whiskers:1:0:1:1 by n
# written by discover from verified records in its results store
7 23
8 21
9 50
10 28
11 51
12 37
