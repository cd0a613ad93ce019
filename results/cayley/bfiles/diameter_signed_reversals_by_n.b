# diameter of the Cayley graph of signed_reversals by n
# written by discover from verified records in its results store
2 3
3 3
4 5
5 6
6 7
7 8
8 9
9 10
10 11
