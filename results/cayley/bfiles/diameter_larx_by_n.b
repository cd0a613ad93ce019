# diameter of the Cayley graph of larx by n
# written by discover from verified records in its results store
3 3
4 7
5 10
6 17
7 22
8 31
9 38
10 49
11 58
12 71
13 82
