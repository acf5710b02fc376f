#!/usr/bin/env python3
"""Interop proof for GMLFormat.write: reads the files our writer produced (ours/*.gml, written by
GMLTests from its sample networks; the test checks they are still byte-identical to the writer's
output) with networkx, both ways networkx names GML nodes (label="id" and label="label"), and
records what networkx saw in networkx_read.json. GMLTests compares that record with the networks
that were written, so the tests never run Python.

Run from the repository root: python3 Tests/Fixtures/gml/networkx_read.py   (networkx 3.6.1)
Licence: written for Interstice (same licence as the repository).
"""
import json
import math
import pathlib

import networkx as nx

HERE = pathlib.Path(__file__).resolve().parent


def typed(v):
    """[type, value] as the Swift tests compare them."""
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
    return {"directed": G.is_directed(), "multigraph": G.is_multigraph(),
            "node_types": sorted({type(n).__name__ for n in G}), "nodes": nodes, "edges": edges}


def main():
    files = {}
    for path in sorted((HERE / "ours").glob("*.gml")):
        for label in ("id", "label"):
            files[f"label={label}/{path.name}"] = view(nx.read_gml(path, label=label))
    out = {"about": "what networkx read from Tests/Fixtures/gml/ours (made by networkx_read.py)",
           "networkx": nx.__version__, "files": files}
    (HERE / "networkx_read.json").write_text(json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(files)} readings written to networkx_read.json")


if __name__ == "__main__":
    main()
