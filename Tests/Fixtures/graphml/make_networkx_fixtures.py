"""Writes the networkx-made GraphML and GEXF fixtures and what they must read back as.

Run from the repository root:  python3 Tests/Fixtures/graphml/make_networkx_fixtures.py
(networkx 3.x). Writes
    Tests/Fixtures/graphml/networkx/<name>.graphml   and  <name>.json
    Tests/Fixtures/gexf/networkx/<name>.gexf         and  <name>.json
where each .json is describe.py's description of the graph as networkx itself reads the file
back (nx.read_graphml / nx.read_gexf), mapped onto Interstice's model. GraphMLTests and
GEXFTests read the files with Interstice and compare with the .json: the tests never run
Python.
"""
import os
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from describe import describe_networkx, dump  # noqa: E402

GRAPHML = os.path.join(HERE, "networkx")
GEXF = os.path.join(HERE, "..", "gexf", "networkx")


def partnership():
    """A small multiplex directed multigraph in the domain's terms: kinds, labels, typed
    attributes (some missing), parallel edges of different relations, a self-loop."""
    G = nx.MultiDiGraph()
    G.add_node("as1", kind="actor", label="Assistante sociale «A»", age=41, trust=0.75, delegate=True,
               role="AS & référente")
    G.add_node("as2", kind="actor", label="AS <B>", age=29, trust=0.5, delegate=False, role="AS")
    G.add_node("del1", kind="actor", label="Déléguée insertion", trust=1.0, delegate=True, role="délégué \"PLIE\"")
    G.add_node("dir", kind="actor", age=55, role="directeur")
    G.add_node("ccas", kind="organization", label="CCAS maison de quartier")
    G.add_node("cg71", kind="organization", label="CG71 service social")
    G.add_node("equipe", kind="collective", label="L'équipe")
    for a, o in [("as1", "cg71"), ("as2", "cg71"), ("del1", "cg71"), ("dir", "ccas")]:
        G.add_edge(a, o, relation="member")
    for a in ["as1", "del1", "dir"]:
        G.add_edge(a, "equipe", relation="participant", since="2006-03-01")
    G.add_edge("as1", "dir", relation="exchange", weight=4.0, count=4, by_phone=True, note="orientation")
    G.add_edge("as1", "dir", relation="exchange", weight=1.5, count=1, by_phone=False)
    G.add_edge("dir", "as1", relation="exchange", weight=2.25, count=2, note="retour d'information")
    G.add_edge("as2", "as2", relation="exchange", weight=0.1, count=0)
    G.add_edge("as1", "as2", relation="reports_to")
    return G


def main():
    os.makedirs(GRAPHML, exist_ok=True)
    os.makedirs(GEXF, exist_ok=True)
    karate = nx.karate_club_graph()
    lesmis = nx.les_miserables_graph()
    part = partnership()

    graphml = {"karate": karate, "lesmis": lesmis, "partnership": part}
    for name, G in graphml.items():
        path = os.path.join(GRAPHML, name + ".graphml")
        nx.write_graphml(G, path)
        back = nx.read_graphml(path)
        dump(describe_networkx(back, edge_ids_from_keys=True), os.path.join(GRAPHML, name + ".json"))

    gexf = {"karate": (karate, "1.2draft"), "partnership": (part, "1.3")}
    for name, (G, version) in gexf.items():
        path = os.path.join(GEXF, name + ".gexf")
        nx.write_gexf(G, path, version=version)
        back = nx.read_gexf(path)
        dump(describe_networkx(back, networkx_key_attribute=True), os.path.join(GEXF, name + ".json"))
    print("networkx", nx.__version__, "wrote", sorted(graphml), "GraphML and", sorted(gexf), "GEXF fixtures")


if __name__ == "__main__":
    main()
