# diameter of the Cayley graph of unitriangular n=4 by p
# written by discover from verified records in its results store
2 8
3 8
4 10
5 10
6 13
7 12
8 14
9 13
10 16
11 15
12 18
13 18
14 21
15 21
16 24
17 24
18 27
19 27
20 30
21 30
22 33
23 33
