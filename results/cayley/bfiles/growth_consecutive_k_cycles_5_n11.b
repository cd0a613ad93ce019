# growth of consecutive_k_cycles:5 at n = 11: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 7
2 46
3 289
4 1759
5 10157
6 53066
7 235866
8 808144
9 1989145
10 3532931
11 4570299
12 4259563
13 2795971
14 1245588
15 371603
16 73899
17 9490
18 576
