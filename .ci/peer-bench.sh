#!/usr/bin/env bash
# One session, one quiet machine: Interstice (IntersticeBench) and the peers of
# ../shared/bench/peers.py on the same graphs, interleaved graph by graph.
# Needs: the graphs of `python3 ../shared/bench/make_graphs.py --out .build/graphs`, the SNAP
# Slashdot conversion `python3 .ci/make-slashdot.py`, `pip install networkit igraph rustworkx ndlib`,
# and `swift build -c release --product IntersticeBench`.
# Writes JSON lines to bench-out/session.jsonl (Interstice lines have "lib": "interstice" or "suite").
set -u
cd "$(dirname "$0")/.."
O=bench-out/session.jsonl
. .ci/bench-common.sh
: > "$O"

# Issue 4: IC and LT, 1,000 runs, the sidecar's 10 seeds, on ba_100k; then the 1M-node check.
ours diffusion $G/ba_100k.edgelist --threads 2 --repeats 5
peers --graph $G/ba_100k.edgelist --all --lib numpy,ndlib --tasks ic,lt
ours diffusion $G/ba_100k.edgelist --threads 2 --repeats 5
ours diffusion $G/ba_1m.edgelist --threads 2 --repeats 3

# Issue 3: exact path measures on the small graphs.
for g in ba_10k org_sbm_20k; do
  ours algorithms --graph $G/$g.edgelist --task betweenness,closeness,harmonic --threads 2
  peers --graph $G/$g.edgelist --all --lib networkit,igraph,rustworkx --tasks betweenness,closeness,harmonic
done
# The fast measures on the large graphs.
for g in ba_100k soc-Slashdot0902 ba_1m; do
  tasks=load,components,pagerank,eigenvector,kcore,approx_betweenness,louvain
  [ "$g" != ba_1m ] && tasks=$tasks,rk_betweenness
  ours algorithms --graph $G/$g.edgelist --task $tasks --threads 2
  peers --graph $G/$g.edgelist --all --lib networkit,igraph,rustworkx --tasks load,components,pagerank,eigenvector,kcore,approx_betweenness,louvain
done
peers --graph $G/ba_1m.edgelist --memory --lib networkit --lib igraph

# Issue 5: sfdp on 10,000 nodes / 30,000 edges, in process against the sfdp command.
ours render --nodes 10000 --edges 30000 --repeats 3
echo '{"done": true}' >> "$O"
