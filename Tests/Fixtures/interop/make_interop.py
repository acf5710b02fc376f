#!/usr/bin/env python3
"""Interop fixtures: three small graphs written by networkx (and igraph) in every exchange format,
plus hand-written real-world quirk files, and expected.json = what a reader must get back from each file.

    python3 Tests/Fixtures/interop/make_interop.py

Needs networkx (3.6.1 used) and, optionally, python-igraph (1.0.0 used; without it the *.igraph.* files
are left as they are). Deterministic: dates that the writers stamp into files are replaced by a fixed text.

How expected.json is made: for each file, expected content is derived twice, (1) from the original
in-memory graph and what the format keeps of it, and (2) by parsing the written file with the small
independent parsers below; the script stops unless both agree. See README.md for the conventions.
"""
import gzip
import html
import io
import json
import re
import shlex
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

try:
    import igraph as ig
except ImportError:  # pragma: no cover
    ig = None

HERE = Path(__file__).resolve().parent
FIXED_DATE = "2025-01-01"


# ------------------------------------------------------------------------------------------
# the three graphs
def graph_multi():
    """Directed multigraph, typed node and edge attributes (string, int, float, bool), parallel edges,
    one node with missing attributes, a non-ASCII string value."""
    G = nx.MultiDiGraph(name="multi")
    G.add_node("a", role="delegate", age=41, score=0.75, active=True)
    G.add_node("b", role="Élodie ✓ «AS»", age=35, score=1.5, active=False)
    G.add_node("c", role="manager", age=50, score=2.0, active=True)
    G.add_node("d", role="colleague")
    G.add_edge("a", "b", relation="exchange", weight=2.5, count=3, confirmed=True)
    G.add_edge("a", "b", relation="advice", weight=1.0, count=1, confirmed=False)
    G.add_edge("b", "c", relation="exchange", weight=0.5, count=7, confirmed=True)
    G.add_edge("c", "a", relation="feedback", weight=4.0, count=2, confirmed=True)
    G.add_edge("a", "d", relation="information", weight=1.25, count=0, confirmed=False)
    return G


def graph_weighted():
    """Undirected weighted graph with integer node ids, a self-loop and an isolate."""
    G = nx.Graph(name="weighted")
    G.add_nodes_from([1, 2, 3, 4, 5, 6])
    G.add_weighted_edges_from([(1, 2, 0.5), (1, 3, 2.0), (2, 3, 1.25), (3, 3, 4.0), (3, 4, 1.0), (4, 5, 3.5)])
    return G


def graph_twomode():
    """Two-mode (bipartite) graph: actors x collectives, networkx's `bipartite` 0/1 convention, non-ASCII id."""
    G = nx.Graph(name="twomode")
    for n, t in [("as1", "AS 1"), ("as2", "AS 2"), ("delegate", "Insertion delegate")]:
        G.add_node(n, bipartite=0, title=t)
    for n, t in [("équipe", "Équipe"), ("commission", "Follow-up commission")]:
        G.add_node(n, bipartite=1, title=t)
    G.add_edges_from([("as1", "équipe"), ("as2", "équipe"), ("delegate", "équipe"), ("delegate", "commission"),
                      ("as2", "commission")])
    return G


# ------------------------------------------------------------------------------------------
# normalized form: {"directed", "nodes", "labels"?, "node_attributes"?, "edges": [{source,target,weight,attributes?}]}
def tv(v):
    """Typed value: ["int", 3] / ["double", 2.5] / ["bool", true] / ["string", "x"]."""
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", v]
    if isinstance(v, float):
        return ["double", v]
    return ["string", str(v)]


def sort_edges(edges, directed):
    out = []
    for e in edges:
        e = dict(e)
        if directed is False and e["source"] > e["target"]:
            e["source"], e["target"] = e["target"], e["source"]
        out.append(e)
    return sorted(out, key=lambda e: (e["source"], e["target"], json.dumps(e, sort_keys=True, ensure_ascii=False)))


def finish(directed, nodes, edges, labels=None, node_attrs=None, edge_attrs=True):
    r = {"directed": directed, "node_count": len(nodes), "edge_count": len(edges), "nodes": sorted(nodes)}
    if labels is not None:
        r["labels"] = dict(sorted(labels.items()))
    if node_attrs is not None:
        r["node_attributes"] = {k: dict(sorted(v.items())) for k, v in sorted(node_attrs.items()) if v}
    es = []
    for e in edges:
        d = {"source": e["source"], "target": e["target"], "weight": e.get("weight")}
        if edge_attrs:
            d["attributes"] = dict(sorted(e.get("attributes", {}).items()))
        es.append(d)
    r["edges"] = sort_edges(es, directed)
    return r


def from_graph(G, profile):
    """What a reader must get back, derived from the in-memory graph and the writer's known behaviour."""
    order = list(G.nodes)
    idx = {n: i for i, n in enumerate(order)}
    w = profile
    if w in ("nx-graphml", "nx-gexf", "nx-json", "nx-edgelist", "nx-adjlist", "gexf13"):
        fid = {n: str(n) for n in order}
    elif w in ("nx-gml", "ig-gml"):
        fid = {n: str(idx[n]) for n in order}
    elif w in ("nx-pajek", "ig-pajek"):
        fid = {n: str(idx[n] + 1) for n in order}
    elif w == "ig-graphml":
        fid = {n: f"n{idx[n]}" for n in order}
    else:
        raise ValueError(w)

    def conv(v):
        if w in ("nx-gml", "ig-gml") and isinstance(v, bool):
            return tv(int(v))
        if w == "ig-graphml" and isinstance(v, int) and not isinstance(v, bool):
            return tv(float(v))
        if w == "ig-gml" and isinstance(v, float) and v == int(v):
            return tv(int(v))  # igraph writes 2.0 as "2": an integer in GML
        return tv(v)

    labels = None
    node_attrs = None
    if w in ("nx-gml", "nx-pajek", "ig-pajek", "nx-gexf", "gexf13"):
        labels = {fid[n]: str(n) for n in order}
    if w in ("nx-graphml", "nx-gexf", "nx-json", "nx-gml", "ig-graphml", "ig-gml", "gexf13"):
        node_attrs = {}
        for n in order:
            a = {k: conv(v) for k, v in G.nodes[n].items()}
            if w in ("ig-graphml", "ig-gml"):
                a["name"] = ["string", str(n)]
                # igraph stores a missing boolean as false (and a missing number as NaN, which it omits)
                for k in {k for m in order for k in G.nodes[m]}:
                    if k not in G.nodes[n] and any(isinstance(G.nodes[m].get(k), bool) for m in order):
                        a[k] = conv(False)
            node_attrs[fid[n]] = a
    nodes = [fid[n] for n in order]
    if w == "nx-edgelist":
        nodes = sorted({fid[x] for e in G.edges() for x in e[:2]} , key=str)
    edges = []
    data = G.edges(data=True)
    for u, v, d in data:
        e = {"source": fid[u], "target": fid[v]}
        attrs = {k: conv(x) for k, x in d.items() if k != "weight"}
        if w in ("nx-graphml", "nx-json", "ig-graphml"):
            e["weight"] = None
            attrs = {k: conv(x) for k, x in d.items() if k != "weight"}
            if "weight" in d:
                e["weight"] = float(d["weight"])
        elif w in ("nx-gexf", "gexf13", "nx-gml", "ig-gml", "nx-edgelist", "ig-pajek"):
            e["weight"] = float(d["weight"]) if "weight" in d else None
        elif w == "nx-pajek":
            e["weight"] = float(d.get("weight", 1.0))  # networkx writes 1.0 when there is none
        elif w == "nx-adjlist":
            e["weight"] = None
        e["attributes"] = attrs
        edges.append(e)
    directed = G.is_directed()
    if w in ("nx-edgelist", "nx-adjlist"):
        directed = None
    keep_edge_attrs = w in ("nx-graphml", "nx-json", "nx-gexf", "gexf13", "nx-gml", "ig-graphml", "ig-gml")
    return finish(directed, nodes, edges, labels, node_attrs, keep_edge_attrs)


# ------------------------------------------------------------------------------------------
# independent parsers (file -> normalized form)
def local(tag):
    return tag.rsplit("}", 1)[-1]


def typed(text, typ):
    typ = typ.lower()
    if typ in ("int", "integer", "long", "short", "byte"):
        return ["int", int(text)]
    if typ in ("double", "float"):
        return ["double", float(text)]
    if typ == "boolean":
        t = text.strip().lower()
        assert t in ("true", "false", "1", "0"), text
        return ["bool", t in ("true", "1")]
    return ["string", text]


def parse_graphml(path, ignore_node=(), ignore_edge=()):
    root = ET.parse(path).getroot()
    keys = {}
    for k in root:
        if local(k.tag) == "key" and k.get("attr.name"):
            keys[k.get("id")] = (k.get("for"), k.get("attr.name"), k.get("attr.type", "string"))
    g = [c for c in root if local(c.tag) == "graph"][0]
    directed = g.get("edgedefault") == "directed"
    nodes, attrs, edges = [], {}, []
    for el in g:
        t = local(el.tag)
        if t == "node":
            nid = el.get("id")
            nodes.append(nid)
            a = {}
            for d in el:
                if local(d.tag) == "data" and d.get("key") in keys:
                    _, name, typ = keys[d.get("key")]
                    if name not in ignore_node:
                        a[name] = typed(d.text or "", typ)
            attrs[nid] = a
        elif t == "edge":
            a, wgt = {}, None
            for d in el:
                if local(d.tag) == "data" and d.get("key") in keys:
                    _, name, typ = keys[d.get("key")]
                    if name == "weight":
                        wgt = float(d.text)
                    elif name not in ignore_edge:
                        a[name] = typed(d.text or "", typ)
            edges.append({"source": el.get("source"), "target": el.get("target"), "weight": wgt, "attributes": a})
    return finish(directed, nodes, edges, None, attrs)


def parse_gexf(path, ignore_edge=("networkx_key",)):
    root = ET.parse(path).getroot()
    g = [c for c in root if local(c.tag) == "graph"][0]
    directed = g.get("defaultedgetype", "undirected") == "directed"
    defs = {"node": {}, "edge": {}}
    for block in g:
        if local(block.tag) == "attributes":
            for a in block:
                default = None
                for dd in a:
                    if local(dd.tag) == "default":
                        default = dd.text
                defs[block.get("class")][a.get("id")] = (a.get("title"), a.get("type"), default)
    nodes, labels, attrs, edges = [], {}, {}, []

    def values(el, cls):
        a = {}
        for sub in el:
            if local(sub.tag) == "attvalues":
                for av in sub:
                    title, typ, _ = defs[cls][av.get("for")]
                    a[title] = typed(av.get("value"), typ)
        for aid, (title, typ, default) in defs[cls].items():
            if title not in a and default is not None:
                a[title] = typed(default, typ)
        return a

    for block in g:
        if local(block.tag) == "nodes":
            for n in block:
                nodes.append(n.get("id"))
                if n.get("label") is not None:
                    labels[n.get("id")] = n.get("label")
                attrs[n.get("id")] = values(n, "node")
        if local(block.tag) == "edges":
            for e in block:
                a = {k: v for k, v in values(e, "edge").items() if k not in ignore_edge}
                wgt = float(e.get("weight")) if e.get("weight") is not None else None
                edges.append({"source": e.get("source"), "target": e.get("target"), "weight": wgt, "attributes": a})
    return finish(directed, nodes, edges, labels, attrs)


GML_TOKEN = re.compile(r'\s+|#[^\n]*|(?P<key>[A-Za-z_][A-Za-z0-9_]*)|(?P<real>[+-]?(\d+\.\d*|\.\d+)([eE][+-]?\d+)?|[+-]?\d+[eE][+-]?\d+)'
                       r'|(?P<int>[+-]?\d+)|"(?P<str>[^"]*)"|(?P<open>\[)|(?P<close>\])')


def gml_tokens(text):
    pos = 0
    while pos < len(text):
        m = GML_TOKEN.match(text, pos)
        assert m, f"GML syntax at {pos}: {text[pos:pos+20]!r}"
        pos = m.end()
        kind = m.lastgroup
        if kind is None:
            continue
        if kind == "str":
            yield ("value", ["string", html.unescape(m.group("str"))])
        elif kind == "int":
            yield ("value", ["int", int(m.group("int"))])
        elif kind == "real":
            yield ("value", ["double", float(m.group(0))])
        else:
            yield (kind, m.group(0))


def gml_list(tokens):
    """[(key, value)] until ']' or the end; value = typed value or nested list."""
    out = []
    for kind, tok in tokens:
        if kind == "close":
            return out
        assert kind == "key", (kind, tok)
        k2, v = next(tokens)
        if k2 == "open":
            out.append((tok, gml_list(tokens)))
        else:
            assert k2 == "value", (k2, v)
            out.append((tok, v))
    return out


def parse_gml(path):
    """Own GML reader: keys/values/lists; strings decode HTML character references (&#201;, &amp;)."""
    top = gml_list(gml_tokens(Path(path).read_text(encoding="utf-8")))
    graph = [v for k, v in top if k == "graph"][0]
    directed = any(k == "directed" and v == ["int", 1] for k, v in graph)
    nodes, labels, attrs, edges = [], {}, {}, []
    for k, v in graph:
        if k == "node":
            d = dict(v)
            nid = str(d.pop("id")[1])
            nodes.append(nid)
            if "label" in d:
                labels[nid] = d.pop("label")[1]
            d.pop("graphics", None)
            attrs[nid] = d
        elif k == "edge":
            d = dict(v)
            s, t = str(d.pop("source")[1]), str(d.pop("target")[1])
            w = d.pop("weight", None)
            d.pop("key", None)
            d.pop("graphics", None)
            edges.append({"source": s, "target": t, "weight": None if w is None else float(w[1]), "attributes": d})
    return finish(directed, nodes, edges, labels or None, attrs)


def parse_pajek(path):
    nodes, labels, edges = [], {}, []
    directed = None
    section = None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if not s or s.startswith("%"):
            continue
        if s.startswith("*"):
            section = s.split()[0].lower()
            if section == "*arcs":
                directed = True if directed in (None, True) else "mixed"
            if section == "*edges":
                directed = False if directed in (None, False) else "mixed"
            continue
        tok = shlex.split(s, posix=True)
        if section == "*vertices":
            nodes.append(tok[0])
            if len(tok) > 1:
                labels[tok[0]] = tok[1]
        elif section in ("*arcs", "*edges"):
            edges.append({"source": tok[0], "target": tok[1], "weight": float(tok[2]) if len(tok) > 2 else None})
    return finish(directed, nodes, edges, labels, None, edge_attrs=False)


def parse_json(path):
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    key = "edges" if "edges" in d else "links"
    nodes, attrs, edges = [], {}, []
    for n in d["nodes"]:
        nid = str(n["id"])
        nodes.append(nid)
        attrs[nid] = {k: tv(v) for k, v in n.items() if k != "id"}
    for e in d[key]:
        a = {k: tv(v) for k, v in e.items() if k not in ("source", "target", "key", "weight")}
        edges.append({"source": str(e["source"]), "target": str(e["target"]),
                      "weight": float(e["weight"]) if "weight" in e else None, "attributes": a})
    return finish(d["directed"], nodes, edges, None, attrs)


def parse_edgelist(path, comment="#"):
    raw = Path(path).read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    nodes, edges = [], []
    seen = set()
    for line in raw.decode("utf-8").splitlines():
        s = line.strip()
        if not s or s[0] in comment:
            continue
        tok = s.split()
        for x in tok[:2]:
            if x not in seen:
                seen.add(x)
                nodes.append(x)
        edges.append({"source": tok[0], "target": tok[1], "weight": float(tok[2]) if len(tok) > 2 else None})
    return finish(None, nodes, edges, None, None, edge_attrs=False)


def parse_adjlist(path):
    nodes, edges, seen = [], [], set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        tok = s.split()
        for x in tok:
            if x not in seen:
                seen.add(x)
                nodes.append(x)
        for t in tok[1:]:
            edges.append({"source": tok[0], "target": t, "weight": None})
    return finish(None, nodes, edges, None, None, edge_attrs=False)


# ------------------------------------------------------------------------------------------
# writers
def write_text(path, text):
    Path(path).write_bytes(text.encode("utf-8"))


def nx_files(G, stem):
    """Writes stem.graphml/.gexf/.gml/.net/.json/.links.json/.edgelist/.adjlist with networkx; returns {file: profile}."""
    out = {}
    nx.write_graphml(G, HERE / f"{stem}.graphml")
    out[f"{stem}.graphml"] = ("graphml", "networkx", "nx-graphml")
    buf = io.BytesIO()
    nx.write_gexf(G, buf, version="1.2draft")
    text = re.sub(r'lastmodifieddate="\d{4}-\d{2}-\d{2}"', f'lastmodifieddate="{FIXED_DATE}"', buf.getvalue().decode("utf-8"))
    write_text(HERE / f"{stem}.gexf", text)
    out[f"{stem}.gexf"] = ("gexf", "networkx", "nx-gexf")
    nx.write_gml(G, HERE / f"{stem}.gml")
    out[f"{stem}.gml"] = ("gml", "networkx", "nx-gml")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Node attribute age is not processed. Non-string attribute."
        nx.write_pajek(G, HERE / f"{stem}.net")
    out[f"{stem}.net"] = ("pajek", "networkx", "nx-pajek")
    write_text(HERE / f"{stem}.json", json.dumps(nx.node_link_data(G, edges="edges"), ensure_ascii=False, indent=1) + "\n")
    out[f"{stem}.json"] = ("json", "networkx", "nx-json")
    write_text(HERE / f"{stem}.links.json", json.dumps(nx.node_link_data(G, edges="links"), ensure_ascii=False, indent=1) + "\n")
    out[f"{stem}.links.json"] = ("json", "networkx", "nx-json")
    if any("weight" in d for *_, d in G.edges(data=True)):
        nx.write_edgelist(G, HERE / f"{stem}.edgelist", data=["weight"])
    else:
        nx.write_edgelist(G, HERE / f"{stem}.edgelist", data=False)
    out[f"{stem}.edgelist"] = ("edgelist", "networkx", "nx-edgelist")
    header = f"# make_interop.py (networkx.generate_adjlist)\n# GMT date omitted for reproducibility\n# {G.name}\n"
    write_text(HERE / f"{stem}.adjlist", header + "\n".join(nx.generate_adjlist(G)) + "\n")
    out[f"{stem}.adjlist"] = ("adjlist", "networkx", "nx-adjlist")
    return out


def to_igraph(G):
    """The same graph as an igraph Graph, built attribute by attribute in a fixed order (igraph's from_networkx
    collects attribute names in a set, so its files would change from run to run). Missing values are None,
    as from_networkx leaves them."""
    order = list(G.nodes)
    idx = {n: i for i, n in enumerate(order)}
    g = ig.Graph(n=len(order), directed=G.is_directed())
    nkeys = []
    for n in order:
        for k in G.nodes[n]:
            if k not in nkeys:
                nkeys.append(k)
    for k in nkeys:
        g.vs[k] = [G.nodes[n].get(k) for n in order]
    g.vs["name"] = [str(n) for n in order]
    edges = list(G.edges(data=True))
    g.add_edges([(idx[u], idx[v]) for u, v, _ in edges])
    ekeys = []
    for *_, d in edges:
        for k in d:
            if k not in ekeys:
                ekeys.append(k)
    for k in ekeys:
        g.es[k] = [d.get(k) for *_, d in edges]
    g["name"] = G.name
    return g


def ig_files(G, stem):
    out = {}
    if ig is None:
        return out
    g = to_igraph(G)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "The boolean vertex attribute 'active' was converted to numeric."
        g.write_graphml(str(HERE / f"{stem}.igraph.graphml"))
        g.write_gml(str(HERE / f"{stem}.igraph.gml"))
        g.write_pajek(str(HERE / f"{stem}.igraph.net"))
    p = HERE / f"{stem}.igraph.gml"
    text = re.sub(r'^Creator "igraph version ([^ ]+) .*"$', rf'Creator "igraph version \1 (date omitted for reproducibility)"',
                  p.read_text(encoding="utf-8"), flags=re.M)
    write_text(p, text)
    out[f"{stem}.igraph.graphml"] = ("graphml", "igraph", "ig-graphml")
    out[f"{stem}.igraph.gml"] = ("gml", "igraph", "ig-gml")
    out[f"{stem}.igraph.net"] = ("pajek", "igraph", "ig-pajek")
    return out


def write_gexf13(G, path):
    """Hand-checked GEXF 1.3 (http://gexf.net/1.3): types `integer` (age) / `long` (count), `float` (score)."""
    def esc(s):
        return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    ntypes = {"role": "string", "age": "integer", "score": "float", "active": "boolean"}
    etypes = {"relation": "string", "count": "long", "confirmed": "boolean"}
    nid = {k: str(i) for i, k in enumerate(ntypes)}
    eid = {k: str(i) for i, k in enumerate(etypes)}

    def val(v):
        return ("true" if v else "false") if isinstance(v, bool) else esc(v)
    L = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
         f'  <meta lastmodifieddate="{FIXED_DATE}">', "    <creator>Interstice make_interop.py (hand-checked GEXF 1.3)</creator>",
         "    <description>the multi graph in GEXF 1.3</description>", "  </meta>",
         f'  <graph defaultedgetype="{"directed" if G.is_directed() else "undirected"}" mode="static">',
         '    <attributes class="node" mode="static">']
    L += [f'      <attribute id="{nid[k]}" title="{k}" type="{t}"/>' for k, t in ntypes.items()]
    L += ["    </attributes>", '    <attributes class="edge" mode="static">']
    L += [f'      <attribute id="{eid[k]}" title="{k}" type="{t}"/>' for k, t in etypes.items()]
    L += ["    </attributes>", "    <nodes>"]
    for n, d in G.nodes(data=True):
        L.append(f'      <node id="{esc(n)}" label="{esc(n)}">')
        L.append("        <attvalues>")
        L += [f'          <attvalue for="{nid[k]}" value="{val(v)}"/>' for k, v in d.items()]
        L += ["        </attvalues>", "      </node>"]
    L += ["    </nodes>", "    <edges>"]
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        L.append(f'      <edge id="e{i}" source="{esc(u)}" target="{esc(v)}" weight="{d["weight"]}">')
        L.append("        <attvalues>")
        L += [f'          <attvalue for="{eid[k]}" value="{val(x)}"/>' for k, x in d.items() if k != "weight"]
        L += ["        </attvalues>", "      </edge>"]
    L += ["    </edges>", "  </graph>", "</gexf>"]
    write_text(path, "\n".join(L) + "\n")


PARSERS = {
    "graphml": parse_graphml, "gexf": parse_gexf, "gml": parse_gml, "pajek": parse_pajek, "json": parse_json,
    "edgelist": parse_edgelist, "adjlist": parse_adjlist,
}


def check_same(name, a, b):
    if a != b:
        print(json.dumps(a, indent=1, ensure_ascii=False)[:3000])
        print(json.dumps(b, indent=1, ensure_ascii=False)[:3000])
        raise SystemExit(f"{name}: expected from the graph and parsed from the file differ")


# ------------------------------------------------------------------------------------------
# hand-written quirk files
YED = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <!--Created by yEd 3.23.2-->
  <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
  <key for="port" id="d1" yfiles.type="portgraphics"/>
  <key for="port" id="d2" yfiles.type="portgeometry"/>
  <key for="port" id="d3" yfiles.type="portuserdata"/>
  <key attr.name="url" attr.type="string" for="node" id="d4"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="graphml" id="d7" yfiles.type="resources"/>
  <key attr.name="url" attr.type="string" for="edge" id="d8"/>
  <key attr.name="description" attr.type="string" for="edge" id="d9"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0"/>
    <node id="n0">
      <data key="d5"><![CDATA[Director, neighbourhood house]]></data>
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="30.0" x="10.0" y="20.0"/>
          <y:Fill color="#FFCC00" transparent="false"/>
          <y:BorderStyle color="#000000" raised="false" type="line" width="1.0"/>
          <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="18.1328125" horizontalTextPosition="center" iconTextGap="4" modelName="custom" textColor="#000000" verticalTextPosition="bottom" visible="true" width="55.0" x="-12.5" y="5.93359375">director<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel><y:ModelParameter><y:SmartNodeLabelModelParameter labelRatioX="0.0" labelRatioY="0.0" nodeRatioX="0.0" nodeRatioY="0.0" offsetX="0.0" offsetY="0.0" upX="0.0" upY="-1.0"/></y:ModelParameter></y:NodeLabel>
          <y:Shape type="rectangle"/>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n1">
      <data key="d5">AS 1 (CG71) &amp; "friend"</data>
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="30.0" x="100.0" y="20.0"/>
          <y:NodeLabel>AS 1</y:NodeLabel>
          <y:Shape type="ellipse"/>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n2">
      <data key="d6">
        <y:ShapeNode>
          <y:NodeLabel>delegate</y:NodeLabel>
        </y:ShapeNode>
      </data>
    </node>
    <edge id="e0" source="n1" target="n0">
      <data key="d9">referral</data>
      <data key="d10">
        <y:PolyLineEdge>
          <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>
          <y:LineStyle color="#000000" type="line" width="1.0"/>
          <y:Arrows source="none" target="standard"/>
          <y:BendStyle smoothed="false"/>
        </y:PolyLineEdge>
      </data>
    </edge>
    <edge id="e1" source="n2" target="n0">
      <data key="d10">
        <y:PolyLineEdge>
          <y:Arrows source="none" target="standard"/>
        </y:PolyLineEdge>
      </data>
    </edge>
  </graph>
  <data key="d7">
    <y:Resources/>
  </data>
</graphml>
"""

GEPHI = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd">
  <meta lastmodifieddate="2025-01-01">
    <creator>Gephi 0.9</creator>
    <description></description>
  </meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="modularity_class" title="Modularity Class" type="integer"></attribute>
      <attribute id="org" title="organization" type="string">
        <default>unknown</default>
      </attribute>
    </attributes>
    <nodes>
      <node id="0" label="Director, neighbourhood house">
        <attvalues>
          <attvalue for="modularity_class" value="0"></attvalue>
          <attvalue for="org" value="CCAS"></attvalue>
        </attvalues>
        <viz:size value="12.5"></viz:size>
        <viz:position x="-35.2" y="104.1" z="0.0"></viz:position>
        <viz:color r="153" g="0" b="255"></viz:color>
      </node>
      <node id="1" label="AS 1 (CG71)">
        <attvalues>
          <attvalue for="modularity_class" value="1"></attvalue>
          <attvalue for="org" value="CG71"></attvalue>
        </attvalues>
        <viz:size value="10.0"></viz:size>
        <viz:position x="88.0" y="-12.3" z="0.0"></viz:position>
        <viz:color r="0" g="204" b="102"></viz:color>
      </node>
      <node id="2" label="Employment adviser">
        <attvalues>
          <attvalue for="modularity_class" value="1"></attvalue>
        </attvalues>
        <viz:size value="10.0"></viz:size>
        <viz:position x="20.5" y="-70.0" z="0.0"></viz:position>
        <viz:color r="0" g="204" b="102"></viz:color>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" weight="3.0">
        <viz:color r="153" g="0" b="255"></viz:color>
        <viz:thickness value="3.0"></viz:thickness>
      </edge>
      <edge id="1" source="1" target="2" label="met at union" weight="1.0">
        <viz:color r="0" g="204" b="102"></viz:color>
      </edge>
      <edge id="2" source="2" target="0"></edge>
    </edges>
  </graph>
</gexf>
"""

XXE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE graphml [
  <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="note" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <node id="a">
      <data key="d0">&secret;</data>
    </node>
    <node id="b"/>
    <edge source="a" target="b"/>
  </graph>
</graphml>
"""

LAUGHS = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE graphml [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="note" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <node id="a">
      <data key="d0">&lol5;</data>
    </node>
    <node id="b"/>
    <edge source="a" target="b"/>
  </graph>
</graphml>
"""

KONECT = """% asym positive
% 7 5 5
1 2 3 1262304000
1 3 1 1262390400
2 3 2 1262476800
3 1 1 1262563200
3 4 5 1262649600
4 5 1 1262736000
4 5 2 1262822400
"""

SNAP = ("# Directed graph (each unordered pair of nodes is saved once): quirk-snap.txt\n"
        "# A small graph in SNAP's layout: '#' comments, tab-separated ids\n"
        "# Nodes: 5 Edges: 6\n"
        "# FromNodeId\tToNodeId\n"
        "0\t1\n0\t2\n1\t2\n2\t0\n3\t4\n4\t3\n")

GZ_EDGES = "# gzip-compressed edge list\na b\nb c\nc a\nc d\n"

BOM_NODES = "\ufeffid,kind,label,age:int\nas1,actor,AS 1,41\nas2,actor,AS 2,\ncg71,organization,CG71,\n"
BOM_EDGES = "\ufeffsource,target,relation,weight,directed\nas1,cg71,member,,true\nas2,cg71,member,,true\nas1,as2,acquaintance,2,false\n"


def quirks():
    """Writes the quirk files; returns {file: expected entry}."""
    exp = {}
    write_text(HERE / "quirk-yed.graphml", YED)
    e = parse_graphml(HERE / "quirk-yed.graphml")
    e.update(format="graphml", writer="hand (yEd 3.23 layout)", ignore_node_attributes=[], ignore_edge_attributes=[],
             note="yEd file: keys with yfiles.type and no attr.name (nodegraphics, edgegraphics, resources, port*) carry nested "
                  "XML (y:ShapeNode ...) and must be skipped without error; node labels live inside y:NodeLabel and are not "
                  "asserted. The graph-level <data key=\"d0\"/> is empty. 'description' uses CDATA on n0 and &amp; on n1.")
    exp["quirk-yed.graphml"] = e
    assert e["node_count"] == 3 and e["edge_count"] == 2

    write_text(HERE / "quirk-gephi.gexf", GEPHI)
    e = parse_gexf(HERE / "quirk-gephi.gexf")
    e.update(format="gexf", writer="hand (Gephi 0.9 style)",
             note="Gephi export: viz:size/position/color/thickness elements (namespace .../1.2draft/viz) must be skipped or "
                  "kept as drawing hints, never fail; attribute 'org' has <default>unknown</default> that applies to node 2; "
                  "edge 2 has no weight (= 1); edge 1 has a label (not asserted).")
    assert e["node_attributes"]["2"]["organization"] == ["string", "unknown"]
    exp["quirk-gephi.gexf"] = e

    write_text(HERE / "quirk-xxe.graphml", XXE)
    exp["quirk-xxe.graphml"] = {
        "format": "graphml", "writer": "hand", "must_reject": True, "error_contains_any": ["DOCTYPE", "entity", "DTD"],
        "note": "Declares an external entity (file:///etc/passwd) and uses it in a <data>. The reader must not resolve it: "
                "it must reject the file with a bad-data error (a graph file needs no DTD). Under no circumstances may the "
                "content of /etc/passwd appear in any attribute."}
    write_text(HERE / "quirk-entity-expansion.graphml", LAUGHS)
    exp["quirk-entity-expansion.graphml"] = {
        "format": "graphml", "writer": "hand", "must_reject": True, "error_contains_any": ["DOCTYPE", "entity", "DTD"],
        "note": "'Billion laughs' pattern kept small (5 levels of 10: 300 kB if expanded). Must be rejected like any DOCTYPE, "
                "without expanding the entities."}

    write_text(HERE / "out.quirk-konect", KONECT)
    edges = []
    nodes = []
    for line in KONECT.splitlines():
        if line.startswith("%"):
            continue
        u, v, w, t = line.split()
        edges.append({"source": u, "target": v, "weight": float(w), "attributes": {"time": ["int", int(t)]}})
        for x in (u, v):
            if x not in nodes:
                nodes.append(x)
    e = finish(True, nodes, edges, None, None)
    e.update(format="edgelist", writer="hand (KONECT out.* layout)",
             note="KONECT: '%' comment lines; the first ('% asym positive') says directed ('asym') and weighted; the second "
                  "gives edge count and node counts. Columns: source target weight timestamp (Unix seconds, kept as edge "
                  "attribute 'time'). Parallel arcs 4->5 are two edges. 'directed' is true because of 'asym'; a reader that does "
                  "not interpret the header gets the same with --directed.")
    exp["out.quirk-konect"] = e

    write_text(HERE / "quirk-snap.txt", SNAP)
    e = parse_edgelist(HERE / "quirk-snap.txt")
    e.update(format="edgelist", writer="hand (SNAP layout)",
             note="SNAP: '#' comment lines (one says 'Directed graph'; the reader may use it or the caller's --directed), "
                  "tab-separated integer ids. Reciprocal pairs 3->4 and 4->3 are two edges.")
    exp["quirk-snap.txt"] = e

    Path(HERE / "quirk-edgelist.txt.gz").write_bytes(gzip.compress(GZ_EDGES.encode(), compresslevel=9, mtime=0))
    e = parse_edgelist(HERE / "quirk-edgelist.txt.gz")
    e.update(format="edgelist", writer="hand (gzip, mtime 0)",
             note="gzip-compressed plain edge list: the reader detects gzip by its magic bytes 1f 8b, not by the name.")
    exp["quirk-edgelist.txt.gz"] = e

    d = HERE / "quirk-bom-dataset"
    d.mkdir(exist_ok=True)
    write_text(d / "nodes.csv", BOM_NODES)
    write_text(d / "edges.csv", BOM_EDGES)
    exp["quirk-bom-dataset/"] = {
        "format": "native", "writer": "hand",
        "note": "Both CSV files start with a UTF-8 byte-order mark (EF BB BF): the first header must read 'id' / 'source', "
                "not '\\ufeffid'. as2 has a missing age (empty cell).",
        "directed": None, "node_count": 3, "edge_count": 3,
        "nodes": ["as1", "as2", "cg71"],
        "labels": {"as1": "AS 1", "as2": "AS 2", "cg71": "CG71"},
        "kinds": {"as1": "actor", "as2": "actor", "cg71": "organization"},
        "node_attributes": {"as1": {"age": ["int", 41]}},
        "edges": sort_edges([
            {"source": "as1", "target": "as2", "relation": "acquaintance", "directed": False, "weight": 2.0, "attributes": {}},
            {"source": "as1", "target": "cg71", "relation": "member", "directed": True, "weight": None, "attributes": {}},
            {"source": "as2", "target": "cg71", "relation": "member", "directed": True, "weight": None, "attributes": {}},
        ], True),
    }
    return exp


# ------------------------------------------------------------------------------------------
def main():
    expected = {}
    graphs = [("multi", graph_multi()), ("weighted", graph_weighted()), ("twomode", graph_twomode())]
    for stem, G in graphs:
        files = nx_files(G, stem)
        files.update(ig_files(G, stem))
        if stem == "multi":
            write_gexf13(G, HERE / "multi.gexf13.gexf")
            files["multi.gexf13.gexf"] = ("gexf", "hand (GEXF 1.3)", "gexf13")
        for fname, (fmt, writer, profile) in sorted(files.items()):
            want = from_graph(G, profile)
            got = PARSERS[fmt](HERE / fname)
            if profile in ("nx-gml",):
                pass
            check_same(fname, want, got)
            entry = {"format": fmt, "writer": writer + (f" {nx.__version__}" if writer == "networkx" else
                                                        f" {ig.__version__}" if writer == "igraph" else ""),
                     "graph": stem}
            entry.update(want)
            notes = NOTES.get(profile)
            if notes:
                entry["note"] = notes
            if profile == "nx-gml" and G.is_multigraph():
                entry["ignore_edge_attributes"] = ["key"]
            if profile == "nx-gexf" and G.is_multigraph():
                entry["ignore_edge_attributes"] = ["networkx_key"]
            if profile == "nx-json" and G.is_multigraph():
                entry["ignore_edge_attributes"] = ["key"]
            expected[fname] = entry
    expected.update(quirks())
    doc = {
        "about": "What a reader must return for each file of Tests/Fixtures/interop (made by make_interop.py). See README.md.",
        "conventions": CONVENTIONS,
        "files": dict(sorted(expected.items())),
    }
    write_text(HERE / "expected.json", json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(expected)} entries")


CONVENTIONS = {
    "nodes": "node ids exactly as the file names them (strings, sorted by code point): GraphML/GEXF node@id, GML 'id' (as text), "
             "Pajek vertex number, JSON 'id' (numbers as text), edge/adjacency list tokens",
    "labels": "id -> label where the file carries one (GEXF @label, GML 'label', Pajek vertex label); absent = not asserted",
    "node_attributes": "id -> {name: [type, value]}; GEXF attributes are named by their title (not their id), type in int|double|bool|string as the file declares it (GraphML attr.type, "
                       "GEXF type: integer/long -> int, float/double -> double) or, for GML and JSON, as the value is written "
                       "(GML: 3 -> int, 3.0 -> double, quoted -> string; GML has no bool, so networkx/igraph write 1/0 ints); "
                       "nodes without attributes are omitted; absent key = not asserted (Pajek, edge and adjacency lists)",
    "edges": "sorted by (source, target, then the whole entry); for directed=false files each edge is given with "
             "source <= target, so compare undirected edges as unordered pairs; parallel edges are listed each time",
    "weight": "edge weight as a number (the 'weight' attribute/column/GEXF @weight/Pajek third field); null = the file gives "
              "none (the reader uses 1); 'weight' is never repeated inside 'attributes'",
    "attributes": "edge attributes other than weight, same typing as node attributes; absent key = not asserted",
    "directed": "true/false as the file declares it; null = the file cannot say (plain edge and adjacency lists): the caller chooses",
    "ignore_edge_attributes": "attribute names a reader may return or drop (multigraph keys written by networkx)",
    "must_reject": "the reader must fail with a bad-data error whose message contains one of error_contains_any",
}

NOTES = {
    "nx-graphml": "networkx GraphML: booleans are written 'True'/'False' (capitalized; accept case-insensitively); ints as "
                  "attr.type long; in a multigraph the edge ids are the multigraph keys and are NOT unique (two edges id=\"0\"): "
                  "edge ids must not be required to be unique.",
    "nx-gexf": "networkx GEXF 1.2draft: every node gets label = id; weight is the XML attribute; multigraph keys come as an "
               "edge attribute 'networkx_key' (long). lastmodifieddate replaced by a fixed date.",
    "nx-gml": "networkx GML: node ids 0..n-1 with the original id as 'label'; non-ASCII characters written as HTML character "
              "references (&#201;) that the reader must decode; booleans written 1/0 (ints); multigraph keys as 'key'.",
    "nx-pajek": "networkx Pajek: vertex lines 'n label x y shape [key value ...]' (labels quoted when they contain spaces, "
                "raw UTF-8); every edge has a weight (1.0 when there was none); string attributes follow as key-value pairs "
                "and are not asserted; *arcs for directed, *edges for undirected.",
    "nx-json": "networkx node-link JSON (multigraph edges carry 'key'; integer ids stay JSON numbers and are read as text).",
    "nx-edgelist": "networkx edge list: 'u v [weight]', space-separated; isolates are lost (node set = edge endpoints).",
    "nx-adjlist": "networkx adjacency list: first token = node, then its neighbours (a neighbour repeated = parallel edges); "
                  "undirected edges appear once (under the first endpoint written); '#' comment lines; isolates appear alone on a line.",
    "ig-graphml": "igraph GraphML: node ids n0..; the original id is the node attribute 'name'; igraph has no integer "
                  "attributes, so ints are declared double; a missing boolean (node d's 'active') is written false, a missing "
                  "number is omitted.",
    "ig-gml": "igraph GML: 'Creator' and 'Version' lines before 'graph' (date in Creator replaced by a fixed text); no "
              "'label': the original id is 'name'; raw UTF-8; booleans as 1/0; doubles with integral values written "
              "without a fraction (2.0 -> 2) so they read back as ints; a multigraph is written WITHOUT 'multigraph 1' (parallel "
              "edges must still be kept); a missing boolean is written 0.",
    "ig-pajek": "igraph Pajek: '*Vertices n' (capitalized), labels always quoted, weight column only when the graph has weights.",
    "gexf13": "hand-checked GEXF 1.3 (namespace http://gexf.net/1.3, version=\"1.3\"): types integer (age) and long (count) -> "
              "int, float (score) -> double; edge ids e0..e4; same content as multi.gexf.",
}

if __name__ == "__main__":
    main()
