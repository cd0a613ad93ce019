# growth of wrapped_k_cycles:4 at n = 12: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 12
2 114
3 976
4 7803
5 57984
6 388582
7 2241207
8 10486996
9 37559131
10 94446562
11 148195177
12 126817397
13 51152723
14 7352505
15 293590
16 840
