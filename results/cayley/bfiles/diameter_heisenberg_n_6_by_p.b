# diameter of the Cayley graph of heisenberg n=6 by p
# written by discover from verified records in its results store
2 8
3 8
4 16
5 16
6 24
