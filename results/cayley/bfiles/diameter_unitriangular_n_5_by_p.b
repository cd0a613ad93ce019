# diameter of the Cayley graph of unitriangular n=5 by p
# written by discover from verified records in its results store
2 12
3 12
4 16
5 16
6 20
7 19
