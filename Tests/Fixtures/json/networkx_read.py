#!/usr/bin/env python3
"""Interop proof for NodeLinkJSONFormat.write: reads the files our writer produced (ours/*.json,
written by NodeLinkJSONTests from its sample networks; the test checks they are still
byte-identical to the writer's output) with networkx's node_link_graph and records what networkx
saw in networkx_read.json, which NodeLinkJSONTests compares with the networks that were written.

Run from the repository root: python3 Tests/Fixtures/json/networkx_read.py   (networkx 3.6.1)
Licence: written for Interstice (same licence as the repository).
"""
import json
import math
import pathlib

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


def view(G):
    nodes = {str(n): {k: typed(v) for k, v in d.items()} for n, d in G.nodes(data=True)}
    edges = [{"source": str(u), "target": str(v), "attributes": {k: typed(x) for k, x in d.items()}}
             for u, v, d in G.edges(data=True)]
    edges.sort(key=lambda e: json.dumps(e, sort_keys=True))
    return {"directed": G.is_directed(), "multigraph": G.is_multigraph(), "graph": G.graph,
            "node_types": sorted({type(n).__name__ for n in G}), "nodes": nodes, "edges": edges}


def main():
    files = {}
    for path in sorted((HERE / "ours").glob("*.json")):
        with open(path, encoding="utf-8") as f:
            files[path.name] = view(nx.node_link_graph(json.load(f), edges="edges"))
    out = {"about": "what networkx read from Tests/Fixtures/json/ours (made by networkx_read.py)",
           "networkx": nx.__version__, "files": files}
    (HERE / "networkx_read.json").write_text(json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(files)} readings written to networkx_read.json")


if __name__ == "__main__":
    main()
