"""Checks that networkx reads the GraphML and GEXF files Interstice wrote as intended.

Run from the repository root:  python3 Tests/Fixtures/graphml/check_roundtrip.py
Reads every Tests/Fixtures/graphml/written/<name>.graphml with nx.read_graphml and every
Tests/Fixtures/gexf/written/<name>.gexf with nx.read_gexf; compares what networkx sees with
Tests/Fixtures/graphml/written/<name>.json (the network the Swift tests built those files
from: GraphMLTests/GEXFTests check that the writer still writes exactly these bytes); writes
Tests/Fixtures/graphml/roundtrip_result.json, which the Swift tests read.

Known differences that are not failures:
- networkx has no date type: dates compare as their YYYY-MM-DD strings;
- networkx does not read GEXF's <meta>: GEXF metadata is not compared;
- a network mixing directed and undirected relations is written as a directed graph whose
  undirected ties are two arcs marked mutual (GraphML data `mutual`, GEXF type="mutual"), so
  networkx reads each undirected tie as two arcs: the expected description is expanded the same
  way, and the `mutual` marker is not an attribute (recorded as mixed_as_mutual_arcs).
"""
import glob
import json
import os
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from describe import compare, describe_networkx, dump  # noqa: E402


def check(path, fmt):
    name = os.path.splitext(os.path.basename(path))[0]
    with open(os.path.join(HERE, "written", name + ".json"), encoding="utf-8") as f:
        expected = json.load(f)
    directions = {e["directed"] for e in expected["edges"]}
    mixed = len(directions) > 1
    if mixed:
        arcs = []
        for e in expected["edges"]:
            arcs.append(dict(e, directed=True))
            if not e["directed"] and e["source"] != e["target"]:
                arcs.append(dict(e, directed=True, source=e["target"], target=e["source"]))
        expected = dict(expected, edges=arcs)
    try:
        if fmt == "graphml":
            G = nx.read_graphml(path, edge_key_type=str)
            # A multigraph's keys are the edges' XML ids (strings) or networkx's own integers.
            actual = describe_networkx(G)
            if G.is_multigraph():
                for e, (u, v, k) in zip(actual["edges"], G.edges(keys=True)):
                    if isinstance(k, str):
                        e["attributes"]["id"] = ["string", k]
        else:
            G = nx.read_gexf(path)
            actual = describe_networkx(G)
    except nx.NetworkXError as err:
        return {"ok": False, "networkx_error": str(err),
                "networkx_rejects_mixed_directions": len(directions) > 1 and "direct" in str(err).lower()}
    if mixed:
        for e in actual["edges"]:
            e["attributes"].pop("mutual", None)
    diffs = compare(expected, actual, relax_dates=True, metadata=(fmt == "graphml"))
    return {"ok": not diffs, "differences": diffs, "mixed_as_mutual_arcs": mixed,
            "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "networkx_graph": type(G).__name__}


def main():
    files = {}
    for path in sorted(glob.glob(os.path.join(FIXTURES, "graphml", "written", "*.graphml"))):
        files[os.path.relpath(path, FIXTURES)] = check(path, "graphml")
    for path in sorted(glob.glob(os.path.join(FIXTURES, "gexf", "written", "*.gexf"))):
        files[os.path.relpath(path, FIXTURES)] = check(path, "gexf")
    result = {"networkx_version": nx.__version__, "files": files}
    dump(result, os.path.join(HERE, "roundtrip_result.json"))
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
