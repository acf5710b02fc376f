"""Exports the two bundled case studies (Datasets/chalon-sur-saone, Datasets/cucm-plie) back to
the two sheets an analyst in France would keep, as French Excel saves them (UTF-8 with BOM,
';', CRLF, decimal comma): <case>-personnes.csv (Nom = the node's label, Structure, Fonction,
one oui/non column per collective named by its label, Base = basis; a person in two
organizations has two rows) and <case>-liens.csv (Personne 1, Personne 2, Type de lien in
French, Fréquence). `interstice import` must give back the same nodes by kind and edges by
relation (ImportCaseSheetsTests). Run from this folder: python3 make_case_sheets.py"""
import csv
import io
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "Datasets")
WORDS = {"acquaintance": "connaissance", "exchange": "échange", "reports_to": "hiérarchie"}


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def clean(header):
    return header.split(":")[0]


def write(path, rows):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerows(rows)
    with open(path, "wb") as f:
        f.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


for case in ("chalon-sur-saone", "cucm-plie"):
    nodes = read(os.path.join(ROOT, case, "nodes.csv"))
    edges = read(os.path.join(ROOT, case, "edges.csv"))
    name = {n["id"]: (n["label"] or n["id"]) for n in nodes}
    kind = {n["id"]: n["kind"] or "actor" for n in nodes}
    role_key = next((k for k in nodes[0] if clean(k) == "role"), None)
    basis_key = next((k for k in nodes[0] if clean(k) == "basis"), None)
    collectives = [n["id"] for n in nodes if kind[n["id"]] == "collective"]
    orgs_of = {}
    part = {}
    for e in edges:
        if e["relation"] == "member":
            orgs_of.setdefault(e["source"], []).append(name[e["target"]])
        elif e["relation"] == "participant":
            part.setdefault(e["source"], set()).add(e["target"])
    people = [["Nom", "Structure", "Fonction"] + [name[c] for c in collectives] + ["Base"]]
    for n in nodes:
        if kind[n["id"]] != "actor":
            continue
        for org in orgs_of.get(n["id"], [""]):
            people.append([name[n["id"]], org, n.get(role_key, "") if role_key else ""]
                          + ["oui" if c in part.get(n["id"], ()) else "non" for c in collectives]
                          + [n.get(basis_key, "") if basis_key else ""])
    ties = [["Personne 1", "Personne 2", "Type de lien", "Fréquence"]]
    for e in edges:
        if e["relation"] in WORDS:
            w = e["weight"]
            ties.append([name[e["source"]], name[e["target"]], WORDS[e["relation"]], w.replace(".", ",")])
    write(f"{case}-personnes.csv", people)
    write(f"{case}-liens.csv", ties)
    print(case, len(people) - 1, "people rows,", len(ties) - 1, "ties")
