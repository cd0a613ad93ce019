# diameter of the Cayley graph of square_whiskers by n
# written by discover from verified records in its results store
5 9
6 4
7 22
8 39
9 22
10 47
11 62
12 32
13 88
