#!/usr/bin/env python3
"""Interop proof for PajekFormat.write: reads the files our writer produced (ours/, written by
PajekTests from its sample networks; the test checks they are still byte-identical to the writer's
output) with networkx (read_pajek) and, for the two-mode file that networkx cannot read
('*Vertices n m'), with python-igraph (Graph.Read_Pajek), and records what each saw in
networkx_read.json. PajekTests compares that record with the networks that were written.

Files with several relations (*Arcs :k "name") or partitions are read by neither library, so they
are proven only by our own reader and by Pajek's own files (Lazega-Law-Firm.paj).

Run from the repository root: python3 Tests/Fixtures/pajek/networkx_read.py
(networkx 3.6.1, python-igraph 1.0.0). Licence: written for Interstice.
"""
import json
import math
import pathlib

import igraph
import networkx as nx

HERE = pathlib.Path(__file__).resolve().parent


def typed(v):
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", v]
    if isinstance(v, float):
        return ["double", v if math.isfinite(v) else repr(v)]
    if isinstance(v, str):
        return ["string", v]
    return ["string", json.dumps(v, sort_keys=True)]


def networkx_view(G):
    nodes = {str(n): {k: typed(v) for k, v in d.items()} for n, d in G.nodes(data=True)}
    edges = [{"source": str(u), "target": str(v), "attributes": {k: typed(x) for k, x in d.items()}}
             for u, v, d in G.edges(data=True)]
    edges.sort(key=lambda e: json.dumps(e, sort_keys=True))
    return {"directed": G.is_directed(), "multigraph": G.is_multigraph(), "nodes": nodes, "edges": edges}


def igraph_view(g):
    """Vertices keyed by their Pajek number (index + 1), with igraph's attributes."""
    nodes = {str(v.index + 1): {k: typed(x) for k, x in v.attributes().items() if x is not None} for v in g.vs}
    edges = [{"source": str(e.source + 1), "target": str(e.target + 1),
              "attributes": {k: typed(x) for k, x in e.attributes().items() if x is not None}} for e in g.es]
    edges.sort(key=lambda e: json.dumps(e, sort_keys=True))
    return {"directed": g.is_directed(), "multigraph": True, "nodes": nodes, "edges": edges}


def main():
    files = {
        "networkx/simple.net": networkx_view(nx.read_pajek(HERE / "ours" / "simple.net")),
        "igraph/twomode.net": igraph_view(igraph.Graph.Read_Pajek(str(HERE / "ours" / "twomode.net"))),
    }
    out = {"about": "what networkx / igraph read from Tests/Fixtures/pajek/ours (made by networkx_read.py)",
           "networkx": nx.__version__, "igraph": igraph.__version__, "files": files}
    (HERE / "networkx_read.json").write_text(json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(files)} readings written to networkx_read.json")


if __name__ == "__main__":
    main()
