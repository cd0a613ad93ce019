# growth of heisenberg n=6 at p = 5: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 16
2 144
3 960
4 4914
5 19952
6 63618
7 155776
8 283616
9 376576
10 376832
11 304640
12 206080
13 107520
14 40960
15 10240
16 1280
