# diameter of the Cayley graph of heisenberg n=5 by p
# written by discover from verified records in its results store
2 6
3 6
4 12
5 12
6 18
7 18
8 24
9 24
10 30
11 30
