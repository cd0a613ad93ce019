# diameter of the Cayley graph of unitriangular n=6 by p
# written by discover from verified records in its results store
2 19
3 18
