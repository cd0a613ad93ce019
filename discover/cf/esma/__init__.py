"""``cf.esma``: signed continued fractions whose partial quotients obey a short recurrence: :mod:`.engine`
(spec, shards, run_shard), :mod:`.expansion` (the kernel: certified signed expansions, Berlekamp-Massey,
regeneration and approval, quasi-polynomial formulas), :mod:`.targets` (rational functions of higher
degree and biased monomials of the constant, beyond Moebius forms) and :mod:`.verify` (the record).
Nothing heavy is imported here."""
