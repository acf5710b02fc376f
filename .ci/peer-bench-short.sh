#!/usr/bin/env bash
# The second, short session (after the last optimizations), interleaved in rounds because this
# VM's memory speed drifts from minute to minute: IC/LT against the numpy baseline, and
# components and k-core against NetworKit (2 threads) and igraph. Louvain was measured once more
# the same way (its lines in the closing note); igraph's Louvain on ba_1m times out at 900 s.
set -u
cd "$(dirname "$0")/.."
O=bench-out/session-short.jsonl
. .ci/bench-common.sh
: > "$O"
for round in 1 2 3; do
  ours diffusion $G/ba_100k.edgelist --threads 2 --repeats 5
  peers --graph $G/ba_100k.edgelist --all --lib numpy --tasks ic,lt
done
for round in 1 2; do
  for g in ba_100k ba_1m; do
    ours algorithms --graph $G/$g.edgelist --task components,kcore --threads 2
    peers --graph $G/$g.edgelist --all --lib networkit,igraph --tasks components,kcore
  done
done
echo '{"done": true}' >> "$O"
