# diameter of the Cayley graph of burnt_pancake by n
# written by discover from verified records in its results store
1 1
2 4
3 6
4 8
5 10
6 12
7 14
8 15
9 17
10 18
