#!/bin/bash
# The maxdiam campaign behind results/cayley/maxdiam (run from the repository root, one command at a time).
# Each command is one resumable run in results/cayley/maxdiam/maxdiam.sqlite (not committed): after a kill,
# the same command with `--resume RUN_ID` (RUN_ID: the run's id in the store, see the runs table) finishes it.
set -e
STORE=results/cayley/maxdiam/maxdiam.sqlite
D=.venv/bin/discover
run() { echo "== $* ($(date -u +%H:%M:%S))"; /usr/bin/time -f "%e s" nice -n 15 $D cayley maxdiam "$@" --workers 2 \
        --store $STORE --json > /dev/null; }
run --shape three-involutions --n 4..9
run --shape cycle-transposition --n 4..10
run --shape involution-cycle --n 4..10
run --shape three-involutions --n 9..10 --drawing square-whiskers
run --shape three-involutions --n 10 --sample 100
$D results export --engine cayley.maxdiam --kind maximum --store $STORE -o results/cayley/maxdiam/maximum.jsonl
$D results export --engine cayley.maxdiam --kind chunk --store $STORE -o results/cayley/maxdiam/chunks.jsonl
echo "== done ($(date -u +%H:%M:%S))"
