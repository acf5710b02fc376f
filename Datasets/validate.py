#!/usr/bin/env python3
"""Check native dataset folders against the format rules, independently of the writer, and print their counts.

    python3 Datasets/validate.py [FOLDER...]     (default: every folder under Datasets/ plus Tests/Fixtures/lazega-lawfirm)

Exit status 1 when a rule is broken. Standard library only.
"""
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TYPES = {"int", "double", "bool", "date", "string"}


def check_value(v, typ):
    if v == "":
        return True
    if typ == "int":
        return re.fullmatch(r"[+-]?\d+", v) is not None
    if typ == "double":
        try:
            float(v)
            return re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", v) is not None
        except ValueError:
            return False
    if typ == "bool":
        return v in ("true", "false")
    if typ == "date":
        return re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", v) is not None
    return True


def parse_header(cols, fixed):
    assert cols[: len(fixed)] == fixed, f"header must start with {fixed}, got {cols[:len(fixed)]}"
    out = []
    for c in cols[len(fixed):]:
        name, _, typ = c.partition(":")
        assert typ == "" or typ in TYPES, f"bad type suffix in {c!r}"
        out.append((name, typ or None))
    names = [n for n, _ in out]
    assert len(set(names)) == len(names), f"duplicate attribute names {names}"
    return out


def read(path):
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path}: BOM"
    assert b"\r" not in raw, f"{path}: CR in file"
    assert raw.endswith(b"\n"), f"{path}: no final LF"
    text = raw.decode("utf-8")
    return list(csv.reader(text.splitlines(), strict=True))


def validate(folder):
    folder = Path(folder)
    nodes = read(folder / "nodes.csv")
    edges = read(folder / "edges.csv")
    nattrs = parse_header(nodes[0], ["id", "kind", "label"])
    eattrs = parse_header(edges[0], ["source", "target", "relation", "weight", "directed"])
    ids = {}
    for i, r in enumerate(nodes[1:], 2):
        assert len(r) == len(nodes[0]), f"nodes.csv line {i}: {len(r)} fields"
        assert r[0] != "" and r[0] not in ids, f"nodes.csv line {i}: empty or duplicate id {r[0]!r}"
        assert re.fullmatch(r"[a-z]+", r[1]), f"nodes.csv line {i}: kind {r[1]!r}"
        ids[r[0]] = r[1]
        for (name, typ), v in zip(nattrs, r[3:]):
            if typ:
                assert check_value(v, typ), f"nodes.csv line {i}: {name}:{typ} = {v!r}"
    directed = {}
    for i, r in enumerate(edges[1:], 2):
        assert len(r) == len(edges[0]), f"edges.csv line {i}: {len(r)} fields"
        s, t, rel, w, d = r[:5]
        assert s in ids and t in ids, f"edges.csv line {i}: unknown endpoint {s!r} or {t!r}"
        assert re.fullmatch(r"[a-z][a-z0-9_]*", rel), f"edges.csv line {i}: relation {rel!r}"
        assert w == "" or check_value(w, "double"), f"edges.csv line {i}: weight {w!r}"
        assert d in ("true", "false"), f"edges.csv line {i}: directed {d!r}"
        assert directed.setdefault(rel, d) == d, f"edges.csv line {i}: relation {rel} mixes directed values"
        for (name, typ), v in zip(eattrs, r[5:]):
            if typ:
                assert check_value(v, typ), f"edges.csv line {i}: {name}:{typ} = {v!r}"
    if (folder / "dataset.json").exists():
        meta = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))
        for rel in directed:
            assert rel in meta.get("relations", {}), f"dataset.json: relation {rel} not described"
    assert (folder / "README.md").exists(), "README.md missing"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    kinds = Counter(ids.values())
    rels = Counter(r[2] for r in edges[1:])
    for k, n in kinds.items():
        assert f"| {k} | {n} |" in readme, f"README.md lacks the row '| {k} | {n} |'"
    for rel, n in rels.items():
        assert re.search(rf"\| {re.escape(rel)} \| (true|false) \| {n} \|", readme), f"README.md lacks the count {rel} {n}"
    return kinds, rels, directed


def main():
    folders = [Path(a) for a in sys.argv[1:]]
    if not folders:
        folders = sorted(p for p in (REPO / "Datasets").iterdir() if (p / "nodes.csv").exists())
        folders.append(REPO / "Tests" / "Fixtures" / "lazega-lawfirm")
    bad = 0
    for f in folders:
        try:
            kinds, rels, directed = validate(f)
            print(f"ok  {f.name}: nodes {dict(sorted(kinds.items()))}; edges {dict(sorted(rels.items()))}")
        except AssertionError as e:
            bad += 1
            print(f"BAD {f.name}: {e}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
