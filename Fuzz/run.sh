#!/bin/bash
# Builds the fuzzer and runs each reader for FUZZ_SECONDS (default 60), seeded from
# Tests/Fixtures. Findings (crash-*, leak-*, timeout-*) land in Fuzz/findings/<format>/; each one
# becomes a regression fixture under Tests/Fixtures/fuzz/<format>/ once fixed.
# FUZZ_RUNS=N runs each reader for N executions (-runs=N) instead of FUZZ_SECONDS (with both,
# whichever comes first); FUZZ_MAX_LEN bounds an input's length (default 65536); FUZZ_TIMEOUT
# (seconds of wall clock per input, default 10, 300 under FUZZ_NICE);
# FUZZ_NO_BUILD=1 reuses the fuzzers already built; FUZZ_NICE=19 runs them under nice;
# FUZZ_BUILD_DIR puts the swiftc-built fuzzers elsewhere (default Fuzz/.build/readers).
# Exit status 1 when any reader left a finding (CI), 0 otherwise.
# Usage: Fuzz/run.sh [format …]      (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
RUNS=${FUZZ_RUNS:-}
LIMIT=(-max_total_time="$SECONDS_EACH")
if [ -n "$RUNS" ]; then
  LIMIT=(-runs="$RUNS")
  # Both given: whichever comes first (a long run under a deadline).
  [ -z "${FUZZ_SECONDS:-}" ] || LIMIT+=(-max_total_time="$SECONDS_EACH")
fi
NICE=(nice -n "${FUZZ_NICE:-0}")
# libFuzzer's -timeout is wall-clock: under nice on a busy machine an input may wait that long
# for the CPU (a false "timeout" finding), so a niced run allows 300 s unless FUZZ_TIMEOUT says.
TIMEOUT=${FUZZ_TIMEOUT:-$([ "${FUZZ_NICE:-0}" -gt 0 ] && echo 300 || echo 10)}
FOUND=0
FORMATS=${*:-"edgelist adjlist native-nodes native-edges graphml gexf gml pajek json dot manifest"}
# Built by swiftc (Fuzz/build-readers.sh, a few minutes; the manifest's fuzzer links the rest of
# the package from the debug build `make test` leaves).
[ "${FUZZ_NO_BUILD:-0}" = 1 ] || Fuzz/build-readers.sh >&2
READERS=${FUZZ_BUILD_DIR:-Fuzz/.build/readers}/fuzz-readers
seeds() {
  case $1 in
    edgelist) find Tests/Fixtures Datasets -name '*.edges' -o -name '*.edgelist' -o -name '*.txt' | grep -v README ;;
    adjlist) find Tests/Fixtures -name '*.adjlist' ;;
    native-nodes) find Tests/Fixtures Datasets -name 'nodes.csv' ;;
    native-edges) find Tests/Fixtures Datasets -name 'edges.csv' ;;
    graphml) find Tests/Fixtures -name '*.graphml' ;;
    gexf) find Tests/Fixtures -name '*.gexf' ;;
    gml) find Tests/Fixtures -name '*.gml' ;;
    pajek) find Tests/Fixtures -name '*.net' -o -name '*.paj' ;;
    json) find Tests/Fixtures -name '*.json' ;;
    dot) find Tests/Fixtures -name '*.gv' -o -name '*.dot' ;;
    manifest) find Tests/Fixtures Datasets -name '*.yaml' ;;
  esac
}
for f in $FORMATS; do
  BIN=$READERS; case $f in dot) BIN=${FUZZ_BUILD_DIR:-Fuzz/.build/readers}/fuzz-dot ;; manifest) BIN=${FUZZ_BUILD_DIR:-Fuzz/.build/readers}/fuzz-manifest ;; esac
  case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
  corpus=Fuzz/corpus/$f; findings=Fuzz/findings/$f
  mkdir -p "$corpus" "$findings"
  stamp=Fuzz/findings/.start-$f; touch "$stamp"
  # Seeds below 64 KiB (libFuzzer's -max_len), copied by content hash.
  seeds "$f" | while read -r s; do
    [ "$(stat -c %s "$s")" -le 65536 ] && cp "$s" "$corpus/seed-$(sha1sum "$s" | cut -c1-12)" || true
  done
  ( cd "$findings" && INTERSTICE_FUZZ_FORMAT=$f ASAN_OPTIONS=detect_leaks=0 \
      "${NICE[@]}" "$BIN" "$OLDPWD/$corpus" "${LIMIT[@]}" -max_len="${FUZZ_MAX_LEN:-65536}" -timeout="$TIMEOUT" \
      -rss_limit_mb=4096 -print_final_stats=1 ) > "Fuzz/findings/$f.log" 2>&1 || true
  execs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "Fuzz/findings/$f.log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -ao 'cov: [0-9]*' "Fuzz/findings/$f.log" | tail -1 | grep -o '[0-9]*' || echo 0)
  # Findings of this run only (older ones stay in the folder until looked at).
  crashes=$(find "$findings" -newer "$stamp" \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' \) | wc -l)
  rm -f "$stamp"
  secs=$(grep -ao 'Done [0-9]* runs in [0-9]* second' "Fuzz/findings/$f.log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || true)
  [ -n "$secs" ] || secs=$SECONDS_EACH
  echo "{\"reader\": \"$f\", \"seconds\": $secs, \"executions\": ${execs:-0}, \"coverage\": ${cov:-0}, \"findings\": $crashes, \"limit\": \"${LIMIT[*]}\", \"max_len\": ${FUZZ_MAX_LEN:-65536}, \"timeout\": $TIMEOUT, \"finished\": \"$(date -u +%FT%TZ)\"}"
  if [ "$crashes" -ne 0 ]; then
    FOUND=1
    echo "fuzz: $f: $crashes finding(s) in $findings; the end of Fuzz/findings/$f.log:" >&2
    tail -40 "Fuzz/findings/$f.log" >&2
  fi
done
exit $FOUND
