#!/usr/bin/env python3
"""Reads the files Interstice's edge-list, adjacency-list and native writers produced (committed
beside this script; a Swift test checks they are exactly what the writers write today) with
networkx and the csv module, and records what they contain in ours_read.json, which the Swift
test compares with the networks that were written.

Run: python3 check_ours.py   (networkx 3.x)
"""
import csv, json, os
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
out = {"networkx": nx.__version__}

g = nx.read_edgelist(os.path.join(here, "krackhardt.edges"), create_using=nx.MultiDiGraph, nodetype=str)
out["krackhardt.edges"] = {"nodes": sorted(g.nodes()), "edges": sorted([u, v] for u, v in g.edges())}

a = nx.read_adjlist(os.path.join(here, "krackhardt.adjlist"), create_using=nx.DiGraph, nodetype=str)
out["krackhardt.adjlist"] = {"nodes": sorted(a.nodes()), "edges": sorted([u, v] for u, v in a.edges())}

folder = os.path.join(here, "cucm-plie")
with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
    nodes = list(csv.DictReader(f))
with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
    edges = list(csv.DictReader(f))
m = nx.MultiDiGraph()
for n in nodes:
    m.add_node(n["id"], kind=n["kind"], label=n["label"])
for e in edges:
    w = float(e["weight"]) if e["weight"] else 1.0
    m.add_edge(e["source"], e["target"], relation=e["relation"], weight=w, directed=e["directed"] == "true")
kinds = {}
for _, d in m.nodes(data=True):
    kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
rels = {}
for _, _, d in m.edges(data=True):
    r = rels.setdefault(d["relation"], {"count": 0, "directed": d["directed"], "weight_sum": 0.0})
    r["count"] += 1
    r["weight_sum"] += d["weight"]
out["cucm-plie"] = {"nodes": m.number_of_nodes(), "kinds": kinds, "relations": rels,
                    "headers": {"nodes": list(nodes[0].keys()), "edges": list(edges[0].keys())}}
with open(os.path.join(here, "ours_read.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
print({k: (len(v["edges"]) if "edges" in v else v.get("nodes")) for k, v in out.items() if isinstance(v, dict)})
