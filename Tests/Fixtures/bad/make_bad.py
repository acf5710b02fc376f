#!/usr/bin/env python3
"""Bad-input corpus for the GraphIO readers, with manifest.json giving where each error must be reported.

    python3 Tests/Fixtures/bad/make_bad.py

Each case starts from a small valid file of its format (kept as a control, `good.*` / `native/good/`)
and breaks it one way. Locations are computed here from the bytes, not typed by hand:
in a template, the character `⟦` marks the first byte of the offending token; it is removed before writing.
Deterministic. Standard library only.
"""
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = "⟦"
BINARY = bytes(range(256)) * 4

CONVENTIONS = {
    "line": "1-based physical line (lines end at LF, 0x0A; a CR is an ordinary byte) where the problem is detected",
    "column": "1-based BYTE column (not characters) of the first byte of the offending field or token on that line",
    "precedence": "a file that is not valid UTF-8 is reported at its first invalid byte, before any parsing",
    "truncated": "a valid-UTF-8 file that ends inside a record: the position just past the last byte (the end of file)",
    "unterminated quote/string": "the position of the opening quote",
    "csv": "offending field = the field's first byte (its opening quote if quoted); header problems of a missing column: line 1, column 1",
    "xml": "syntax errors (mismatched end tag): the '<' of the offending tag; semantic errors (unknown node, bad value, "
           "missing attribute): the '<' of the element that carries the offending value",
    "json": "the first byte of the offending token (for a trailing comma: the ']' or '}' that follows it; for a missing "
            "top-level key: the '{' of the top-level object)",
    "gml/pajek/lists": "the first byte of the offending token",
    "binary": "line and column are null because two positions are equally sensible: the first NUL byte (offset 0: line 1, "
              "column 1) or the first invalid UTF-8 byte (0x80 at offset 128, after the LF at offset 10: line 2, column 118); "
              "accepted_locations lists both, and a reader may also give no location",
    "message_contains_any": "the error message must contain at least one of these phrases (case-insensitive)",
    "file": "for native datasets the entry names the offending file inside the dataset folder; the reader is given the folder",
}


def locate(data, offset):
    """(line, column) of a byte offset, as GraphIO's SourceText.location does."""
    line = 1 + data[:offset].count(b"\n")
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def first_invalid_utf8(data):
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as e:
        return e.start


class Corpus:
    def __init__(self):
        self.entries = []
        self.controls = []

    def write(self, rel, text=None, data=None, encoding="utf-8"):
        """Writes a file from a template (with at most one MARK) or raw bytes; returns (bytes, offset of MARK or None)."""
        p = HERE / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        offset = None
        if data is None:
            if MARK in text:
                assert text.count(MARK) == 1
                offset = len(text[: text.index(MARK)].encode(encoding))
                text = text.replace(MARK, "")
            data = text.encode(encoding)
        p.write_bytes(data)
        return data, offset

    def case(self, rel, fmt, kind, phrases, text=None, data=None, encoding="utf-8", truncated=False, binary=False,
             note=None, dataset=None, offending=None):
        data, offset = self.write(rel, text, data, encoding)
        bad = first_invalid_utf8(data)
        if binary:
            line = col = None
            nul = data.index(0)
            accepted = [dict(zip(("line", "column"), locate(data, nul))), dict(zip(("line", "column"), locate(data, bad)))]
        elif bad is not None:
            assert offset is None or offset == bad, (rel, offset, bad)
            line, col = locate(data, bad)
            offending = offending or f"byte 0x{data[bad]:02X}"
        elif truncated:
            assert offset is None
            line, col = locate(data, len(data))
        else:
            assert offset is not None, rel
            line, col = locate(data, offset)
            if offending is None:
                tok = re.split(rb"[,\s]", data[offset:], maxsplit=1)[0]
                offending = tok.decode("utf-8")[:40]
        e = {"path": rel, "format": fmt, "kind": kind, "line": line, "column": col,
             "message_contains_any": phrases}
        if binary:
            e["accepted_locations"] = accepted
        if dataset:
            e["dataset"] = dataset
        if offending is not None and not binary:
            e["offending"] = offending
        if note:
            e["note"] = note
        self.entries.append(e)

    def control(self, rel, fmt, text, dataset=None):
        self.write(rel, text)
        c = {"path": dataset or rel, "format": fmt, "note": "valid: the base the bad cases of this format are made from"}
        self.controls.append(c)


# ------------------------------------------------------------------------------------------
NODES = """id,kind,label,age:int
as1,actor,AS 1,41
as2,actor,"AS 2, new colleague",35
director,actor,"Director, neighbourhood house",52
cg71,organization,CG71,
house,organization,Neighbourhood house,
"""
EDGES = """source,target,relation,weight,directed
as1,cg71,member,,true
as2,cg71,member,,true
director,house,member,,true
as1,director,acquaintance,3,false
as2,director,acquaintance,2,false
as1,as2,exchange,4,true
"""


def native(c):
    def ds(name, nodes=NODES, edges=EDGES, bad_file=None, **kw):
        folder = f"native/{name}"
        if bad_file == "nodes.csv":
            c.write(f"{folder}/edges.csv", edges)
            c.case(f"{folder}/nodes.csv", "native", name, text=nodes, dataset=folder, **kw)
        else:
            c.write(f"{folder}/nodes.csv", nodes)
            c.case(f"{folder}/edges.csv", "native", name, text=edges, dataset=folder, **kw)

    c.write("native/good/nodes.csv", NODES)
    c.control("native/good/edges.csv", "native", EDGES, dataset="native/good")
    lines = NODES.splitlines(keepends=True)
    ds("truncated", nodes="".join(lines[:-1]) + "house,organiz", bad_file="nodes.csv", truncated=True,
       phrases=["end of file", "fields"], note="the last record stops after 2 of 4 fields, without a final LF")
    shutil.rmtree(HERE / "native/binary", ignore_errors=True)
    c.write("native/binary/edges.csv", EDGES)
    c.case("native/binary/nodes.csv", "native", "binary", data=BINARY, binary=True, dataset="native/binary",
           phrases=["binary", "NUL", "UTF-8"])
    c.write("native/latin1/edges.csv", EDGES)
    c.case("native/latin1/nodes.csv", "native", "latin1", text=NODES.replace("AS 1,41", "Élodie,41"), encoding="latin-1",
           dataset="native/latin1", phrases=["invalid UTF-8"], note="'É' written as the single Latin-1 byte 0xC9")
    ds("unclosed-quote", nodes=NODES.replace('"AS 2, new colleague",35', '⟦"AS 2, new colleague,35'), bad_file="nodes.csv",
       phrases=["quote"], offending='"',
       note="the quote opened on line 3 is never closed: the field runs to the end of the file")
    ds("unknown-node", edges=EDGES + "as1,⟦nobody,acquaintance,1,false\n", phrases=["unknown node"])
    ds("bad-weight", edges=EDGES.replace("as1,as2,exchange,4,true", "as1,as2,exchange,⟦abc,true"), phrases=["expected a number"])
    ds("duplicate-id", nodes=NODES + "⟦as1,actor,AS 1 again,40\n", bad_file="nodes.csv", phrases=["duplicate", "defined twice"])
    ds("missing-column", edges=EDGES.replace("source,target,relation,weight,directed", "⟦source,relation,weight,directed")
       .replace(",cg71,", ",").replace(",house,", ",").replace(",director,", ",").replace(",as2,exchange", ",exchange"),
       phrases=["target"], offending="source,relation,weight,directed",
       note="the header lacks the required column 'target' (relation, weight and directed may be omitted; source and target may not)")
    ds("inconsistent-directed", edges=EDGES + "as2,as1,exchange,1,⟦false\n", phrases=["directed", "one direction"],
       note="relation 'exchange' is directed=true on line 7 and false on line 8")
    ds("bad-typed-value", nodes=NODES.replace("35\n", "⟦thirty-five\n", 1), bad_file="nodes.csv", phrases=["int"],
       note="column age:int holds a word")
    ds("unknown-type", nodes=NODES.replace("age:int", "⟦age:integer"), bad_file="nodes.csv", phrases=["integer", "unknown column type"],
       note="type suffixes are int, double, bool, date, string")
    ds("field-count", edges=EDGES.replace("as1,as2,exchange,4,true", "as1,as2,exchange,4,true,⟦extra"), phrases=["fields"],
       note="a row with 6 fields under a 5-column header; the location is the first extra field")
    ds("bad-directed", edges=EDGES.replace("as1,as2,exchange,4,true", "as1,as2,exchange,4,⟦yes"), phrases=["true", "directed"],
       note="directed must be true or false")


def edgelist(c):
    good = "# a comment line\na b 1.5\nb c 2\nc a\n"
    c.control("edgelist/good.txt", "edgelist", good)
    c.case("edgelist/truncated.txt", "edgelist", "truncated", text="# a comment line\na b 1.5\nb c 2\nc", truncated=True,
           phrases=["end of file"], note="the last record has a source and no target")
    c.case("edgelist/binary.txt", "edgelist", "binary", data=BINARY, binary=True, phrases=["binary", "NUL", "UTF-8"])
    c.case("edgelist/latin1.txt", "edgelist", "latin1", text=good.replace("b c 2", "b é 2"), encoding="latin-1",
           phrases=["invalid UTF-8"])
    c.case("edgelist/bad-weight.txt", "edgelist", "bad-weight", text=good.replace("b c 2", "b c ⟦abc"),
           phrases=["expected a number"])


def adjlist(c):
    good = "# adjacency list\na b c\nb c\nc\n"
    c.control("adjlist/good.txt", "adjlist", good)
    data = "# adjacency list\na b c\nb é".encode("utf-8")[:-1]  # cut inside the 2-byte 'é'
    c.case("adjlist/truncated.txt", "adjlist", "truncated", data=data, phrases=["invalid UTF-8"],
           note="an adjacency list cut between two tokens is still valid, so this one is cut inside a UTF-8 sequence: "
                "the precedence rule applies (first invalid byte, here the last byte 0xC3)")
    c.case("adjlist/binary.txt", "adjlist", "binary", data=BINARY, binary=True, phrases=["binary", "NUL", "UTF-8"])
    c.case("adjlist/latin1.txt", "adjlist", "latin1", text=good.replace("b c\n", "b ç\n"), encoding="latin-1",
           phrases=["invalid UTF-8"])


GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="age" attr.type="int"/>
  <key id="d1" for="node" attr.name="name" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d0">41</data><data key="d1">AS 1</data></node>
    <node id="b"><data key="d1">Director</data></node>
    <edge source="a" target="b"/>
  </graph>
</graphml>
"""


def graphml(c):
    c.control("graphml/good.graphml", "graphml", GRAPHML)
    cut = GRAPHML.index('target="b"/>') + 3
    c.case("graphml/truncated.graphml", "graphml", "truncated", text=GRAPHML[:cut], truncated=True,
           phrases=["end of file"], note="cut inside the start tag <edge ... ta")
    c.case("graphml/binary.graphml", "graphml", "binary", data=BINARY, binary=True, phrases=["binary", "NUL", "UTF-8"])
    c.case("graphml/latin1.graphml", "graphml", "latin1", text=GRAPHML.replace("AS 1", "Élodie"), encoding="latin-1",
           phrases=["invalid UTF-8"], note="declares UTF-8 but holds the Latin-1 byte 0xC9")
    c.case("graphml/mismatched-tag.graphml", "graphml", "mismatched-tag",
           text=GRAPHML.replace('<node id="b"><data key="d1">Director</data></node>',
                                '<node id="b"><data key="d1">Director</data>⟦</edge>'),
           phrases=["</edge>", "mismatch"], offending="</edge>", note="<node> closed by </edge>")
    c.case("graphml/unknown-node.graphml", "graphml", "unknown-node",
           text=GRAPHML.replace('<edge source="a" target="b"/>', '⟦<edge source="a" target="zz"/>'),
           phrases=["unknown node", "zz"], offending="<edge")
    c.case("graphml/bad-typed-value.graphml", "graphml", "bad-typed-value",
           text=GRAPHML.replace('<data key="d0">41</data>', '⟦<data key="d0">forty</data>'),
           phrases=["forty", "int"], offending="<data", note="attr.type int, value 'forty'")
    c.case("graphml/missing-target.graphml", "graphml", "missing-attribute",
           text=GRAPHML.replace('<edge source="a" target="b"/>', '⟦<edge source="a"/>'),
           phrases=["target"], offending="<edge")


GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node">
      <attribute id="0" title="age" type="integer"/>
    </attributes>
    <nodes>
      <node id="a" label="AS 1"><attvalues><attvalue for="0" value="41"/></attvalues></node>
      <node id="b" label="Director"/>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b" weight="2.5"/>
    </edges>
  </graph>
</gexf>
"""


def gexf(c):
    c.control("gexf/good.gexf", "gexf", GEXF)
    cut = GEXF.index("<edges>") + len("<edges>\n      <edge id=\"0\" sou")
    c.case("gexf/truncated.gexf", "gexf", "truncated", text=GEXF[:cut], truncated=True, phrases=["end of file"])
    c.case("gexf/binary.gexf", "gexf", "binary", data=BINARY, binary=True, phrases=["binary", "NUL", "UTF-8"])
    c.case("gexf/latin1.gexf", "gexf", "latin1", text=GEXF.replace('label="AS 1"', 'label="Élodie"'), encoding="latin-1",
           phrases=["invalid UTF-8"])
    c.case("gexf/mismatched-tag.gexf", "gexf", "mismatched-tag",
           text=GEXF.replace("    </nodes>\n", "    ⟦</edges>\n", 1), phrases=["</edges>", "mismatch"], offending="</edges>",
           note="<nodes> closed by </edges>")
    c.case("gexf/unknown-node.gexf", "gexf", "unknown-node",
           text=GEXF.replace('<edge id="0" source="a" target="b"', '⟦<edge id="0" source="a" target="zz"'),
           phrases=["unknown node", "zz"], offending="<edge")
    c.case("gexf/bad-weight.gexf", "gexf", "bad-weight", text=GEXF.replace('⟦', '').replace(
        '<edge id="0" source="a" target="b" weight="2.5"/>', '⟦<edge id="0" source="a" target="b" weight="abc"/>'),
           phrases=["expected a number", "weight"], offending="<edge")
    c.case("gexf/bad-typed-value.gexf", "gexf", "bad-typed-value",
           text=GEXF.replace('<attvalue for="0" value="41"/>', '⟦<attvalue for="0" value="forty"/>'),
           phrases=["forty", "int"], offending="<attvalue")


GML = """graph [
  directed 1
  node [
    id 1
    label "AS 1"
  ]
  node [
    id 2
    label "Director"
  ]
  edge [
    source 1
    target 2
    weight 2.5
  ]
]
"""


def gml(c):
    c.control("gml/good.gml", "gml", GML)
    cut = GML.index("target 2") + 3
    c.case("gml/truncated.gml", "gml", "truncated", text=GML[:cut], truncated=True, phrases=["end of file"],
           note="ends inside an edge: brackets never closed")
    c.case("gml/binary.gml", "gml", "binary", data=BINARY, binary=True, phrases=["binary", "NUL", "UTF-8"])
    c.case("gml/latin1.gml", "gml", "latin1", text=GML.replace('"AS 1"', '"Élodie"'), encoding="latin-1",
           phrases=["invalid UTF-8"], note="raw Latin-1 in a string (GML wants &#201; or UTF-8 here)")
    c.case("gml/unbalanced-brackets.gml", "gml", "unbalanced-brackets", text=GML + "⟦]\n", phrases=["]", "unbalanced"],
           offending="]", note="one ']' more than '['")
    c.case("gml/unknown-node.gml", "gml", "unknown-node", text=GML.replace("target 2", "target ⟦99"),
           phrases=["unknown node", "99"])
    c.case("gml/bad-weight.gml", "gml", "bad-weight", text=GML.replace("weight 2.5", "weight ⟦abc"),
           phrases=["weight", "value"], note="'abc' is a key, not a value: 'weight' has no value")
    c.case("gml/unterminated-string.gml", "gml", "unclosed-quote", text=GML.replace('label "Director"', 'label ⟦"Director'),
           phrases=["string", "quote"], offending='"')


PAJEK = """*Vertices 5
1 "AS 1"
2 "AS 2"
3 "Director"
4 "CG71"
5 "Neighbourhood house"
*Arcs
1 2 1.5
2 3 1
3 1 2
1 4
"""


def pajek(c):
    c.control("pajek/good.net", "pajek", PAJEK)
    c.case("pajek/truncated.net", "pajek", "truncated", text=PAJEK[: PAJEK.index("3 1 2") + 1], truncated=True,
           phrases=["end of file"], note="the last arc has a source and no target")
    c.case("pajek/binary.net", "pajek", "binary", data=BINARY, binary=True, phrases=["binary", "NUL", "UTF-8"])
    c.case("pajek/latin1.net", "pajek", "latin1", text=PAJEK.replace('"Director"', '"Directrice générale"'),
           encoding="latin-1", phrases=["invalid UTF-8"], note="Windows-1252/Latin-1 labels are common in old Pajek files")
    c.case("pajek/vertex-out-of-range.net", "pajek", "vertex-out-of-range", text=PAJEK.replace("3 1 2", "3 ⟦99 2"),
           phrases=["99"], note="arc to vertex 99 of 5")
    c.case("pajek/bad-weight.net", "pajek", "bad-weight", text=PAJEK.replace("2 3 1", "2 3 ⟦abc"),
           phrases=["expected a number"])


JSONDOC = """{
  "directed": true,
  "multigraph": false,
  "graph": {},
  "nodes": [
    {"id": "a", "age": 41},
    {"id": "b", "name": "Director"}
  ],
  "edges": [
    {"source": "a", "target": "b", "weight": 2.5}
  ]
}
"""


def jsonfmt(c):
    c.control("json/good.json", "json", JSONDOC)
    c.case("json/truncated.json", "json", "truncated", text=JSONDOC[: JSONDOC.index('"target"') + len('"target": ')],
           truncated=True, phrases=["end of file"], note="ends after '\"target\": ' where a value is expected (not inside a string)")
    c.case("json/binary.json", "json", "binary", data=BINARY, binary=True, phrases=["binary", "NUL", "UTF-8"])
    c.case("json/latin1.json", "json", "latin1", text=JSONDOC.replace('"Director"', '"Élodie"'), encoding="latin-1",
           phrases=["invalid UTF-8"])
    c.case("json/trailing-comma.json", "json", "trailing-comma",
           text=JSONDOC.replace('{"id": "b", "name": "Director"}\n  ],', '{"id": "b", "name": "Director"},\n  ⟦],'),
           phrases=["trailing comma", "expected a value"], offending="]")
    c.case("json/unknown-node.json", "json", "unknown-node", text=JSONDOC.replace('"target": "b"', '"target": ⟦"zz"'),
           phrases=["unknown node", "zz"], offending='"zz"')
    c.case("json/missing-nodes.json", "json", "missing-key",
           text="⟦" + JSONDOC.replace('  "nodes": [\n    {"id": "a", "age": 41},\n    {"id": "b", "name": "Director"}\n  ],\n', ""),
           phrases=["nodes"], offending="{", note="no 'nodes' array")
    c.case("json/bad-weight.json", "json", "bad-weight", text=JSONDOC.replace('"weight": 2.5', '"weight": ⟦"abc"'),
           phrases=["expected a number", "weight"], offending='"abc"')


def check_controls(c):
    """The controls must be valid (so that each bad case fails for its one defect)."""
    for ctl in c.controls:
        p = HERE / ctl["path"]
        if ctl["format"] in ("graphml", "gexf"):
            ET.parse(p)
        elif ctl["format"] == "json":
            json.loads(p.read_text())


def main():
    for sub in ("native", "edgelist", "adjlist", "graphml", "gexf", "gml", "pajek", "json"):
        shutil.rmtree(HERE / sub, ignore_errors=True)
    c = Corpus()
    for f in (native, edgelist, adjlist, graphml, gexf, gml, pajek, jsonfmt):
        f(c)
    check_controls(c)
    # the XML/JSON syntax cases must really be rejected by a standard parser
    for e in c.entries:
        p = HERE / e["path"]
        if e["format"] in ("graphml", "gexf") and e["kind"] in ("truncated", "mismatched-tag", "binary", "latin1"):
            try:
                ET.parse(p)
                raise SystemExit(f"{p} parses")
            except ET.ParseError:
                pass
        if e["format"] == "json" and e["kind"] in ("truncated", "trailing-comma", "binary", "latin1"):
            try:
                json.loads(p.read_bytes())
                raise SystemExit(f"{p} parses")
            except (ValueError, UnicodeDecodeError):
                pass
    doc = {"about": "Malformed inputs for the GraphIO readers: every file must be rejected with a bad-data error "
                    "at the given location. Made by make_bad.py; see README.md.",
           "conventions": CONVENTIONS,
           "controls": c.controls,
           "files": sorted(c.entries, key=lambda e: e["path"])}
    (HERE / "manifest.json").write_bytes((json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"{len(c.entries)} bad files, {len(c.controls)} controls")


if __name__ == "__main__":
    main()
