"""Network descriptions shared by the GraphML/GEXF fixture scripts and the Swift tests.

A description is JSON:

    {"metadata": {"title": ...},                         (optional)
     "nodes": [{"id": str, "kind": str, "label": str or null,
                "attributes": {name: [type, value]}}],
     "edges": [{"source": str, "target": str, "relation": str, "directed": bool,
                "weight": float, "attributes": {name: [type, value]}}]}

with type one of "string", "integer", "double", "boolean", "date" (value "YYYY-MM-DD").
It is Interstice's model (GraphCore.Network) in plain JSON: node kind (default "actor"),
label, typed attributes; edges in relation layers, each edge with its direction and weight
(default 1.0). Tests/GraphIOTests/XMLFormatTestSupport.swift reads the same format.

describe_networkx(G) maps a networkx graph read from GraphML or GEXF onto that model the way
Interstice's readers do: node data "kind" -> kind, "label" -> label, edge data "relation" ->
relation, "weight" -> weight, everything else -> typed attributes.
"""
import json
import math


def typed(v):
    """A Python value as [type, value]."""
    if isinstance(v, bool):
        return ["boolean", v]
    if isinstance(v, int):
        return ["integer", v]
    if isinstance(v, float):
        return ["double", v]
    return ["string", str(v)]


def describe_networkx(G, edge_ids_from_keys=False, networkx_key_attribute=False):
    """The description of a networkx graph as Interstice's readers would see it.

    edge_ids_from_keys: a GraphML multigraph keeps each edge's XML id as its key (networkx
    does not put it in the data), while Interstice keeps it as the string attribute "id".
    networkx_key_attribute: networkx writes a GEXF multigraph's edge keys as the attribute
    "networkx_key" and pops it when reading; Interstice keeps it as an integer attribute.
    """
    metadata = {k: str(G.graph[k]) for k in ("name", "title", "source", "licence")
                if G.graph.get(k) not in (None, "")}
    nodes = []
    for n, data in G.nodes(data=True):
        data = dict(data)
        kind = data.pop("kind", "actor")
        label = data.pop("label", None)
        nodes.append({"id": str(n), "kind": str(kind), "label": None if label is None else str(label),
                      "attributes": {k: typed(v) for k, v in sorted(data.items())}})
    edges = []
    if G.is_multigraph():
        it = ((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True))
    else:
        it = ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, k, data in it:
        data = dict(data)
        relation = data.pop("relation", "edge")
        weight = float(data.pop("weight", 1.0))
        attrs = {a: typed(x) for a, x in sorted(data.items())}
        if edge_ids_from_keys and k is not None and "id" not in attrs:
            attrs["id"] = ["string", str(k)]
        if networkx_key_attribute and k is not None:
            attrs["networkx_key"] = typed(k)
        edges.append({"source": str(u), "target": str(v), "relation": str(relation),
                      "directed": G.is_directed(), "weight": weight, "attributes": attrs})
    return {"metadata": metadata, "nodes": nodes, "edges": edges}


def canonical_edges(description):
    """Edges as a sorted list of comparable tuples (undirected ends sorted)."""
    out = []
    for e in description["edges"]:
        s, t = e["source"], e["target"]
        if not e["directed"] and t < s:
            s, t = t, s
        attrs = json.dumps(e["attributes"], sort_keys=True)
        out.append((e["relation"], e["directed"], s, t, repr(float(e["weight"])), attrs))
    return sorted(out)


def compare(expected, actual, relax_dates=False, metadata=True):
    """Differences between two descriptions, as readable strings (empty when equal).

    relax_dates: a reader without a date type (networkx) gives dates as strings.
    metadata: compare the metadata too (networkx reads GEXF's <meta> not at all).
    """
    def norm_attrs(attrs):
        out = {}
        for k, (t, v) in attrs.items():
            if relax_dates and t == "date":
                t = "string"
            if t == "double" and isinstance(v, float) and math.isnan(v):
                v = "NaN"
            out[k] = [t, v]
        return out

    diffs = []
    if metadata and expected.get("metadata", {}) != actual.get("metadata", {}):
        diffs.append(f"metadata {expected.get('metadata', {})!r} != {actual.get('metadata', {})!r}")
    exp_nodes = {n["id"]: n for n in expected["nodes"]}
    act_nodes = {n["id"]: n for n in actual["nodes"]}
    for i in sorted(set(exp_nodes) - set(act_nodes)):
        diffs.append(f"node {i!r} missing")
    for i in sorted(set(act_nodes) - set(exp_nodes)):
        diffs.append(f"unexpected node {i!r}")
    for i in sorted(set(exp_nodes) & set(act_nodes)):
        e, a = exp_nodes[i], act_nodes[i]
        for field in ("kind", "label"):
            if e.get(field) != a.get(field):
                diffs.append(f"node {i!r}: {field} {e.get(field)!r} != {a.get(field)!r}")
        if norm_attrs(e["attributes"]) != norm_attrs(a["attributes"]):
            diffs.append(f"node {i!r}: attributes {e['attributes']!r} != {a['attributes']!r}")
    ee = canonical_edges({"edges": [dict(x, attributes=norm_attrs(x["attributes"])) for x in expected["edges"]]})
    aa = canonical_edges({"edges": [dict(x, attributes=norm_attrs(x["attributes"])) for x in actual["edges"]]})
    if ee != aa:
        missing = [x for x in ee if x not in aa]
        extra = [x for x in aa if x not in ee]
        diffs.append(f"edges differ: missing {missing[:5]!r}, unexpected {extra[:5]!r}")
    return diffs


def dump(obj, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
