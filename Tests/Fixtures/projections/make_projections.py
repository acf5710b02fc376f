#!/usr/bin/env python3
"""Oracle for two-mode projections: networkx 3.x on the Davis Southern Women graph.

Writes davis_projections.json beside this script: for the women and the events, every
projected edge with its shared-count weight (weighted_projected_graph) and Newman's
collaboration weight (collaboration_weighted_projected_graph). Node names are networkx's.
Run: python3 make_projections.py
"""
import json, os
import networkx as nx
from networkx.algorithms import bipartite

G = nx.davis_southern_women_graph()
women = G.graph["top"]
events = G.graph["bottom"]
out = {"source": "networkx %s davis_southern_women_graph()" % nx.__version__}
for name, side in (("women", women), ("events", events)):
    cnt = bipartite.weighted_projected_graph(G, side)
    new = bipartite.collaboration_weighted_projected_graph(G, side)
    edges = []
    for u, v, d in cnt.edges(data=True):
        a, b = sorted((u, v))
        edges.append([a, b, d["weight"], new[u][v]["weight"]])
    edges.sort()
    out[name] = {"nodes": len(side), "edges": edges}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "davis_projections.json"), "w") as f:
    json.dump(out, f, indent=1)
print({k: len(v["edges"]) for k, v in out.items() if isinstance(v, dict)})
