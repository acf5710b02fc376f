#!/usr/bin/env bash
# One session: Interstice and the peers on the same graphs, interleaved.
cd /work/main
P=/work/shared/bench/peers.py
G=.build/graphs
O=bench-out/results.jsonl
: > $O
.build/release/IntersticeBench load-edgelist .build/bench/er_1m_5m.edgelist --runs 3 >> $O
python3 $P --graph .build/bench/er_1m_5m.edgelist --lib networkit --task load --threads 2 --no-out >> $O 2>/dev/null
python3 $P --graph .build/bench/er_1m_5m.edgelist --lib igraph --task load --no-out >> $O 2>/dev/null
python3 $P --graph .build/bench/er_1m_5m.edgelist --memory --lib networkit --lib igraph --no-out >> $O 2>/dev/null
.build/release/IntersticeBench diffusion $G/ba_100k.edgelist --threads 2 --repeats 3 >> $O
python3 $P --graph $G/ba_100k.edgelist --lib numpy --task ic --no-out >> $O 2>/dev/null
python3 $P --graph $G/ba_100k.edgelist --lib numpy --task lt --no-out >> $O 2>/dev/null
python3 $P --graph $G/ba_100k.edgelist --lib ndlib --task ic --no-out >> $O 2>/dev/null
python3 $P --graph $G/ba_100k.edgelist --lib ndlib --task lt --no-out >> $O 2>/dev/null
echo DONE >> $O
