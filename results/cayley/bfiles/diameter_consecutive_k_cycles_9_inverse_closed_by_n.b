# diameter of the Cayley graph of consecutive_k_cycles:9 inverse-closed by n
# written by discover from verified records in its results store
9 4
