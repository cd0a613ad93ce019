# growth of lsl_cycles at n = 9: a(k) = elements at distance k
# written by discover from verified records in its results store
0 1
1 4
2 10
3 24
4 57
5 132
6 295
7 658
8 1415
9 2932
10 5516
11 9646
12 15384
13 23219
14 32526
15 43403
16 52315
17 57918
18 54565
19 40546
20 17571
21 3858
22 768
23 109
24 7
25 1
