# Shared by .ci/peer-bench.sh and .ci/peer-bench-short.sh (sourced, after `cd` to the root):
# `ours SUITE …` runs IntersticeBench, `peers …` runs ../shared/bench/peers.py (NetworKit on 2
# threads), both appending JSON lines to $O.
B=.build/release/IntersticeBench
P=${PEERS:-../shared/bench/peers.py}
G=.build/graphs
mkdir -p bench-out
peers() { python3 "$P" --out "$O" --threads 2 "$@" > /dev/null 2>> bench-out/peers.err; }
ours() { "$B" "$@" >> "$O" 2>> bench-out/ours.err; }
