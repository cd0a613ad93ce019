#!/bin/bash
# The maxdiam campaign behind results/cayley/maxdiam (run from the repository root). Each command is one
# resumable run in results/cayley/maxdiam/maxdiam.sqlite (not committed): after a kill, `discover cayley
# maxdiam ... --resume RUN_ID` (the run id is printed, and listed by `discover results runs`) finishes it.
set -e
STORE=results/cayley/maxdiam/maxdiam.sqlite
D=.venv/bin/discover
run() { echo "== $* ($(date -u +%H:%M:%S))"; /usr/bin/time -f "%e s" nice -n 15 $D cayley maxdiam "$@" --workers 2 --store $STORE --json > "results/cayley/maxdiam/log-$1-$2.jsonl.tmp" ; }
run --shape three-involutions --n 4..9
run --shape cycle-transposition --n 4..10
run --shape involution-cycle --n 4..10
run --shape three-involutions --n 10 --sample 200
echo "== done ($(date -u +%H:%M:%S))"
