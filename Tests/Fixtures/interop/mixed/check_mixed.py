#!/usr/bin/env python3
"""Reads mixed.graphml and mixed.gexf (written by `interstice convert source mixed.graphml` and
`... mixed.gexf`; a Swift test checks they are exactly what the writers write today) with
networkx and igraph, and records every arc they see (source, target, relation, weight) in
mixed_read.json, which the Swift test compares with the network that was written: an undirected
tie of a mixed network must arrive as two arcs with its relation, a directed one as one arc.

Run: python3 Tests/Fixtures/interop/mixed/check_mixed.py   (networkx 3.6.1, igraph 1.0.0)
"""
import json
import os

import igraph
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))


def arcs_nx(g):
    return sorted([u, v, d["relation"], float(d.get("weight", 1.0))] for u, v, d in g.edges(data=True))


out = {"networkx": nx.__version__, "igraph": igraph.__version__}
for name, reader in [("mixed.graphml", nx.read_graphml), ("mixed.gexf", nx.read_gexf)]:
    g = reader(os.path.join(here, name))
    out["networkx:" + name] = {"directed": g.is_directed(), "nodes": sorted(g.nodes()), "arcs": arcs_nx(g)}

ig = igraph.Graph.Read_GraphML(os.path.join(here, "mixed.graphml"))
ids = ig.vs["id"]
out["igraph:mixed.graphml"] = {
    "directed": ig.is_directed(),
    "nodes": sorted(ids),
    "arcs": sorted([ids[e.source], ids[e.target], e["relation"], float(e["weight"]) if e["weight"] == e["weight"] else 1.0]
                   for e in ig.es),
}
with open(os.path.join(here, "mixed_read.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
