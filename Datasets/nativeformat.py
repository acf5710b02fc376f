"""Writer for Interstice's native dataset format (nodes.csv, edges.csv, dataset.json).

Shared by Datasets/convert.py and the case-study scripts. Standard library + numpy only.

Format (see Datasets/README.md):
  nodes.csv  id,kind,label,<attr[:type]>...
  edges.csv  source,target,relation,weight,directed,<attr[:type]>...
RFC 4180, UTF-8 without BOM, LF line ends, header row, empty cell = missing.
Every attribute header written here carries an explicit type suffix.
"""
import csv
import io
import json
import re
from pathlib import Path

try:
    import numpy as _np
except ImportError:  # pragma: no cover - numpy only refines float formatting
    _np = None

KIND_ORDER = {"actor": 0, "organization": 1, "collective": 2}
RELATION_RE = re.compile(r"^[a-z][a-z0-9_]*$")
TYPES = ("int", "double", "bool", "date", "string")


def natural_key(s):
    """Sort key: digit runs compare as numbers ("2" < "10"), the rest as text."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", str(s)) if p != "")


def fmt_double(v):
    """Shortest text that round-trips the value.

    Values that are exactly representable as float32 (the SPSS/Stata storage of the original
    surveys: 0.10999999940395355 is float32(0.11)) are written with the shortest float32 text
    ("0.11"), others with Python's shortest float64 repr.
    """
    f = float(v)
    if _np is not None:
        f32 = _np.float32(f)
        if float(f32) == f:
            s = _np.format_float_positional(f32, unique=True, trim="0")
            if s.endswith("."):
                s += "0"
            return s
    r = repr(f)
    return r


def fmt_weight(w):
    """Edge weight: empty when there is none (= 1), integral values without a fraction."""
    if w is None or w == "":
        return ""
    f = float(w)
    if f == int(f):
        return str(int(f))
    return fmt_double(f)


def fmt_value(v, typ):
    if v is None or v == "":
        return ""
    if typ == "int":
        f = float(v)
        if f != int(f):
            raise ValueError(f"non-integral value {v!r} in an int column")
        return str(int(f))
    if typ == "double":
        return fmt_double(v)
    if typ == "bool":
        if isinstance(v, str):
            if v not in ("true", "false"):
                raise ValueError(f"bad bool {v!r}")
            return v
        return "true" if v else "false"
    if typ == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(v)):
            raise ValueError(f"bad date {v!r}")
        return str(v)
    return str(v)


def infer_source_type(values):
    """Type of a raw source column: int if all non-empty values are integral numbers,
    double if all are numbers, string otherwise."""
    vals = [v for v in values if v not in ("", None)]
    if not vals:
        return "int"
    isnum = True
    integral = True
    for v in vals:
        try:
            f = float(v)
        except ValueError:
            isnum = False
            break
        if f != f or f != int(f) or abs(f) >= 2**63:
            # Also too large for a 64-bit integer (kfamily's wifeocc holds a 1.3e34 glitch).
            integral = False
    if not isnum:
        return "string"
    return "int" if integral else "double"


def _csv_text(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


class Dataset:
    """Collects nodes and edges, validates them against the format and writes the folder."""

    def __init__(self, name):
        self.name = name
        self.nodes = {}          # id -> (kind, label, {attr: value})
        self.node_attrs = []     # [(name, type)]
        self.edges = []          # (source, target, relation, weight, directed, {attr: value})
        self.edge_attrs = []
        self.relation_directed = {}

    # -- declaration -------------------------------------------------------------------
    def node_attr(self, name, typ):
        assert typ in TYPES, typ
        assert name not in ("id", "kind", "label") and ":" not in name, name
        assert name not in [a for a, _ in self.node_attrs], f"duplicate node attribute {name}"
        self.node_attrs.append((name, typ))

    def edge_attr(self, name, typ):
        assert typ in TYPES, typ
        assert name not in ("source", "target", "relation", "weight", "directed") and ":" not in name, name
        assert name not in [a for a, _ in self.edge_attrs], f"duplicate edge attribute {name}"
        self.edge_attrs.append((name, typ))

    def add_node(self, nid, kind, label, **attrs):
        nid = str(nid)
        assert nid not in self.nodes, f"duplicate node id {nid}"
        assert re.fullmatch(r"[a-z]+", kind), kind
        known = {a for a, _ in self.node_attrs}
        for a in attrs:
            assert a in known, f"undeclared node attribute {a}"
        self.nodes[nid] = (kind, label, attrs)

    def add_edge(self, source, target, relation, directed, weight=None, **attrs):
        source, target = str(source), str(target)
        assert RELATION_RE.fullmatch(relation), relation
        assert source in self.nodes, f"unknown source {source}"
        assert target in self.nodes, f"unknown target {target}"
        d = self.relation_directed.setdefault(relation, directed)
        assert d == directed, f"relation {relation} mixes directed values"
        known = {a for a, _ in self.edge_attrs}
        for a in attrs:
            assert a in known, f"undeclared edge attribute {a}"
        self.edges.append((source, target, relation, weight, directed, attrs))

    # -- counts ------------------------------------------------------------------------
    def kind_counts(self):
        c = {}
        for kind, _, _ in self.nodes.values():
            c[kind] = c.get(kind, 0) + 1
        return dict(sorted(c.items(), key=lambda kv: (KIND_ORDER.get(kv[0], 9), kv[0])))

    def relation_counts(self):
        c = {}
        for e in self.edges:
            c[e[2]] = c.get(e[2], 0) + 1
        return dict(sorted(c.items()))

    def self_loops(self):
        c = {}
        for e in self.edges:
            if e[0] == e[1]:
                c[e[2]] = c.get(e[2], 0) + 1
        return c

    def counts_markdown(self, relation_notes=None):
        relation_notes = relation_notes or {}
        lines = ["| kind | nodes |", "| --- | ---: |"]
        for k, n in self.kind_counts().items():
            lines.append(f"| {k} | {n} |")
        lines.append(f"| **total** | **{len(self.nodes)}** |")
        lines += ["", "| relation | directed | edges (rows) | self-loops | note |", "| --- | --- | ---: | ---: | --- |"]
        loops = self.self_loops()
        for r, n in self.relation_counts().items():
            d = "true" if self.relation_directed[r] else "false"
            lines.append(f"| {r} | {d} | {n} | {loops.get(r, 0)} | {relation_notes.get(r, '')} |")
        lines.append(f"| **total** | | **{len(self.edges)}** | **{sum(loops.values())}** | |")
        return "\n".join(lines)

    # -- output ------------------------------------------------------------------------
    def node_rows(self):
        header = ["id", "kind", "label"] + [f"{a}:{t}" for a, t in self.node_attrs]
        order = sorted(self.nodes, key=lambda i: (KIND_ORDER.get(self.nodes[i][0], 9), self.nodes[i][0], natural_key(i)))
        rows = [header]
        for nid in order:
            kind, label, attrs = self.nodes[nid]
            rows.append([nid, kind, label or ""] + [fmt_value(attrs.get(a), t) for a, t in self.node_attrs])
        return rows

    def edge_rows(self):
        header = ["source", "target", "relation", "weight", "directed"] + [f"{a}:{t}" for a, t in self.edge_attrs]
        body = []
        for s, t, r, w, d, attrs in self.edges:
            body.append(((r, natural_key(s), natural_key(t)),
                         [s, t, r, fmt_weight(w), "true" if d else "false"]
                         + [fmt_value(attrs.get(a), ty) for a, ty in self.edge_attrs]))
        body.sort(key=lambda x: (x[0], x[1]))
        return [header] + [b for _, b in body]

    def write(self, folder, meta=None, readme=None):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "nodes.csv").write_bytes(_csv_text(self.node_rows()).encode("utf-8"))
        (folder / "edges.csv").write_bytes(_csv_text(self.edge_rows()).encode("utf-8"))
        if meta is not None:
            (folder / "dataset.json").write_bytes((json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        if readme is not None:
            (folder / "README.md").write_bytes(readme.encode("utf-8"))
