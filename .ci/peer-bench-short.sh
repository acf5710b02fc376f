#!/usr/bin/env bash
# The short second session (after the last optimizations): IC/LT against numpy, and the rows
# of .ci/peer-bench.sh that changed (components, k-core, Louvain), interleaved.
set -u
cd "$(dirname "$0")/.."
B=.build/release/IntersticeBench
P=${PEERS:-../shared/bench/peers.py}
G=.build/graphs
mkdir -p bench-out
O=bench-out/session-short.jsonl
: > "$O"
peers() { python3 "$P" --out "$O" --threads 2 "$@" > /dev/null 2>> bench-out/peers.err; }
ours() { "$B" "$@" >> "$O" 2>> bench-out/ours.err; }
for round in 1 2; do
  ours diffusion $G/ba_100k.edgelist --threads 2 --repeats 5
  peers --graph $G/ba_100k.edgelist --all --lib numpy --tasks ic,lt
done
ours diffusion $G/ba_1m.edgelist --threads 2 --repeats 3
for g in ba_100k ba_1m; do
  ours algorithms --graph $G/$g.edgelist --task components,kcore,louvain --threads 2
  peers --graph $G/$g.edgelist --all --lib networkit,igraph --tasks components,kcore,louvain
done
peers --graph $G/ba_1m.edgelist --memory --lib networkit
echo '{"done": true}' >> "$O"
