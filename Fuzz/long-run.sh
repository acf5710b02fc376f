#!/bin/bash
# A long fuzz run: each reader named, one after another, under nice 19, until FUZZ_RUNS
# executions (default 10,000,000) or its share of the time left before DEADLINE (UTC, HH:MM),
# whichever comes first; the time left is shared evenly among the readers still to run, so a
# fast reader's unused share goes to the next. One JSON line per reader on standard output
# (Fuzz/run.sh's, with the limits given). Two such lanes side by side use both cores when idle.
# Usage: Fuzz/long-run.sh 10:12 gml adjlist gexf …   (after Fuzz/build-readers.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
deadline=$(date -u -d "$1" +%s); shift
left=$#
for f in "$@"; do
  share=$(( (deadline - $(date -u +%s)) / left ))
  left=$((left - 1))
  [ "$share" -gt 10 ] || { echo "{\"reader\": \"$f\", \"skipped\": \"no time left before the deadline\"}"; continue; }
  FUZZ_RUNS=${FUZZ_RUNS:-10000000} FUZZ_SECONDS=$share FUZZ_NICE=19 FUZZ_NO_BUILD=1 FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-4096} \
    Fuzz/run.sh "$f" || true
done
