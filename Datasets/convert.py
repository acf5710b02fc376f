#!/usr/bin/env python3
"""Convert the real datasets of ../shared/datasets into Interstice's native format.

    python3 Datasets/convert.py [--src DIR]

Writes (deterministically: sorted rows, fixed formatting; running it twice gives identical bytes)
    Datasets/medInnovations/  Datasets/kfamily/  Datasets/brfarmers/  Datasets/email-Eu-core/
    Datasets/krackhardt-hightech/  Datasets/davis-southern-women/
    Tests/Fixtures/lazega-lawfirm/   (tests only: licence unclear, not shipped in Datasets/)
    Tests/Fixtures/snap-ca-GrQc/     (verbatim copy of the SNAP edge list + README)
Each folder gets nodes.csv, edges.csv, dataset.json and a README.md whose count tables are
computed here from the written data, so they are exact.

Every conversion asserts the counts that the source README.txt files state; a mismatch stops
the script. Needs Python 3.9+ (numpy optional: it only shortens float32 values).
"""
import argparse
import csv
import shutil
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from nativeformat import Dataset, infer_source_type, natural_key  # noqa: E402

RENAMED = {"id": "respondent_id"}  # original columns whose name is reserved in nodes.csv


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_codebook(path):
    return {r["variable"]: r["label"].strip() for r in read_csv(path)}


def source_columns(rows, drop=("uid",), force=None):
    """[(source column, native attribute name, type)] for all columns of a survey table."""
    force = force or {}
    cols = []
    for c in rows[0].keys():
        if c in drop:
            continue
        typ = force.get(c) or infer_source_type(r[c] for r in rows)
        cols.append((c, RENAMED.get(c, c), typ))
    return cols


def codebook_table(cols, codebook, extra=()):
    lines = ["| column | type | source label |", "| --- | --- | --- |"]
    for c, name, typ in cols:
        label = codebook.get(c, "")
        if name != c:
            label = f"(source column `{c}`, renamed) {label}"
        lines.append(f"| `{name}` | {typ} | {label.replace('|', '/')} |")
    for name, typ, text in extra:
        lines.append(f"| `{name}` | {typ} | {text} |")
    return "\n".join(lines)


def relation_table(rel_desc):
    lines = ["| relation | meaning (arc direction) |", "| --- | --- |"]
    for r, d in rel_desc.items():
        lines.append(f"| `{r}` | {d} |")
    return "\n".join(lines)


def nomination_arcs(rows, relmap, ids, rank_of):
    """Distinct (from, to, relation) arcs with the smallest nomination rank; duplicates and self-loops counted."""
    best = {}
    dup = Counter()
    loops = Counter()
    for r in rows:
        rel = relmap[r["relation"]]
        s, t = r["from"], r["to"]
        assert s in ids and t in ids, (s, t)
        key = (s, t, rel)
        rk = rank_of(r["variable"])
        if key in best:
            dup[rel] += 1
            best[key] = min(best[key], rk)
        else:
            best[key] = rk
    for (s, t, rel) in best:
        if s == t:
            loops[rel] += 1
    return best, dup, loops


FORMAT_NOTE = """Format: Interstice native dataset (see `Datasets/README.md`): `nodes.csv` (`id,kind,label,<attr:type>…`),
`edges.csv` (`source,target,relation,weight,directed,<attr:type>…`), RFC 4180, UTF-8, LF, empty cell = missing,
`weight` empty = 1. Regenerate with `python3 Datasets/convert.py` (reads `../shared/datasets/`)."""


# ------------------------------------------------------------------------------------------
def convert_med(src, out):
    d = src / "medInnovations"
    rows = read_csv(d / "medInnovations_nodes.csv")
    cb = read_codebook(d / "medInnovations_codebook.csv")
    assert len(rows) == 125
    cols = source_columns(rows)
    ds = Dataset("medInnovations")
    for _, name, typ in cols:
        ds.node_attr(name, typ)
    ds.node_attr("level", "string")
    ds.node_attr("hospital_code", "int")
    ds.node_attr("shared_code", "bool")

    # toa of the nodes table must equal netdiffuseR's diffnet toa
    toa = {r["uid"]: r["toa"] for r in read_csv(d / "medInnovations_toa_netdiffuseR.csv")}
    for r in rows:
        assert float(r["toa"]) == float(toa[r["uid"]])
        ds.add_node(r["uid"], "actor", f"Physician {r['uid']}", **{name: r[c] for c, name, _ in cols})

    # organizations: towns, hospitals (codes 1-10 each in one town; 11 and 12 split per town)
    towns_of_code = defaultdict(set)
    for r in rows:
        towns_of_code[int(float(r["home"]))].add(int(float(r["city"])))
    shared = {c for c, ts in towns_of_code.items() if len(ts) > 1}
    assert shared == {11, 12}, shared
    for town in sorted({int(float(r["city"])) for r in rows}):
        ds.add_node(f"town-{town}", "organization", f"Town {town}", level="town", city=town)
    hosp_id = {}
    for code in sorted(towns_of_code):
        for town in sorted(towns_of_code[code]):
            if code in shared:
                hid, label = f"hospital-{code}-town-{town}", f"Hospital code {code} in town {town}"
            else:
                hid, label = f"hospital-{code}", f"Hospital {code} (town {town})"
            hosp_id[(code, town)] = hid
            ds.add_node(hid, "organization", label, level="hospital", hospital_code=code, city=town,
                        shared_code=code in shared)
    for r in rows:
        town, code = int(float(r["city"])), int(float(r["home"]))
        ds.add_edge(r["uid"], hosp_id[(code, town)], "member", True)
        ds.add_edge(r["uid"], f"town-{town}", "member", True)

    ds.edge_attr("rank", "int")
    relmap = {"advice": "advice", "discuss": "discussion", "friend": "friendship"}
    erows = read_csv(d / "medInnovations_edges_by_relation.csv")
    assert len(erows) == 450
    best, dup, loops = nomination_arcs(erows, relmap, set(ds.nodes), lambda v: int(v.split("_")[1]))
    assert not dup and not loops
    for (s, t, rel), rk in best.items():
        ds.add_edge(s, t, rel, True, rank=rk)
    rc = ds.relation_counts()
    assert (rc["advice"], rc["discussion"], rc["friendship"]) == (161, 165, 124), rc
    assert len({(s, t) for (s, t, _) in best}) == 294
    # cross-check against the graph stored in netdiffuseR (weight = number of relations)
    nd = {(r["from"], r["to"]): float(r["weight"]) for r in read_csv(d / "medInnovations_edges_netdiffuseR.csv")}
    mine = Counter((s, t) for (s, t, _) in best)
    assert nd == {k: float(v) for k, v in mine.items()}

    counts = Counter(int(float(r["home"])) for r in rows)
    hosp_lines = ["| organization id | level | code | town | members |", "| --- | --- | ---: | ---: | ---: |"]
    for (code, town), hid in sorted(hosp_id.items()):
        n = sum(1 for r in rows if int(float(r["home"])) == code and int(float(r["city"])) == town)
        hosp_lines.append(f"| `{hid}` | hospital | {code} | {town} | {n} |")
    for town in sorted({int(float(r["city"])) for r in rows}):
        n = sum(1 for r in rows if int(float(r["city"])) == town)
        hosp_lines.append(f"| `town-{town}` | town | | {town} | {n} |")

    rel_desc = {
        "advice": "ego → alter: ego named alter among the (up to 3) colleagues he turns to for advice (net1_1..net1_3)",
        "discussion": "ego → alter: ego named alter among the (up to 3) colleagues he discusses cases with most often (net2_1..net2_3; `discuss` in the source)",
        "friendship": "ego → alter: ego named alter among his (up to 3) friends most often seen socially (net3_1..net3_3; `friend` in the source)",
        "member": "physician → hospital (his home-base hospital, column `home`) and physician → town (column `city`)",
    }
    meta = {
        "name": "medInnovations",
        "title": "Coleman, Katz & Menzel, Medical Innovation: tetracycline adoption by physicians in 4 Illinois towns (1954-55)",
        "source": "R package netdiffuseR (USCCANA/netdiffuseR, data/medInnovations.rdata and medInnovationsDiffNet.rdata), converted via ../shared/datasets/medInnovations",
        "licence": "netdiffuseR: MIT + file LICENSE (2020, Thomas W. Valente); data: Burt (1987) NSF re-entry of the Columbia surveys",
        "relations": {k: v for k, v in rel_desc.items()},
        "organization_kind": "organization",
        # Nominations "ego names alter": influence flows from alter to ego (netdiffuseR's exposure).
        "influence": {r: "reverse" for r in rel_desc if r != "member"},
    }
    readme = f"""# medInnovations: Coleman–Katz–Menzel physicians (tetracycline adoption)

125 physicians in 4 Illinois towns, 1954–55: three nomination networks (advice, discussion,
friendship), the month each began prescribing tetracycline (`toa`), and their home-base hospital.
Use: diffusion into organizations (hospitals, towns) with observed adoption times.

**Source:** GitHub USCCANA/netdiffuseR (snapshot HEAD f16350e), files data/medInnovations.rdata and
data/medInnovationsDiffNet.rdata; variable labels from R/data.r of the same repo (via `../shared/datasets/medInnovations`).
**Licence:** netdiffuseR package is "MIT + file LICENSE" (YEAR 2020, COPYRIGHT HOLDER Thomas W. Valente). Data provenance
(R doc): Burt (1987) NSF re-entry of the original Columbia surveys, distributed to Valente.

{FORMAT_NOTE}

## Counts (asserted by tests)
{ds.counts_markdown({"member": "125 to a hospital + 125 to a town", "advice": "distinct arcs", "discussion": "distinct arcs", "friendship": "distinct arcs"})}

294 distinct (ego, alter) pairs carry at least one nomination relation; 0 self-loops; no duplicate nomination in the source.
The sum over relations per pair equals the weights of netdiffuseR's stored graph (checked by the script).

## Nodes
- **actor** (125): one physician per row of the source table; `id` = netdiffuseR's `uid` = city × 1000 + respondent id.
  Every original column is an attribute (the source `id` column is renamed `respondent_id`, because `id` is the node id).
  Numeric codes were stored as floats (`1.0`) in the R data; columns whose values are all integral are written as `:int`,
  the others (`thresh`, `ctl`) as `:double` with the shortest text of their float32 value (`0.10999999940395355` → `0.11`).
  `toa` (time of adoption, months 1–17; **18 = never adopted**, 16 physicians) equals the diffnet object's toa for every physician.
- **organization** (21): `level` = `town` or `hospital`; `city` = town code; hospitals carry `hospital_code` (the source `home` value)
  and `shared_code`.

### How hospital codes 11 and 12 are handled
Codes 1–10 each occur in one town only, so each is one hospital (`hospital-<code>`). Codes 11 (23 physicians) and
12 (3 physicians) occur in 4 and 3 towns respectively; the source gives no value labels, so they are most likely residual
categories ("other" / "no home base") rather than one institution serving several towns. They are therefore
**split per town**: `hospital-11-town-<t>` and `hospital-12-town-<t>`, with `shared_code = true`. Nobody is joined across
towns into a fictitious organization; whoever wants one organization per code can regroup by `hospital_code`, and whoever
wants to drop the residual codes can filter on `shared_code`.

{chr(10).join(hosp_lines)}

## Relations
{relation_table(rel_desc)}

All nomination relations are directed, one row per distinct arc, `weight` empty (= 1), and an edge attribute `rank:int`
= the nomination slot (1–3) in which ego named alter. Only nominations of surveyed physicians are present (nominations
of non-respondents are dropped, as netdiffuseR does).

## Node attributes (source labels)
{codebook_table(cols, cb, [("level", "string", "organization level: `hospital` or `town` (added)"), ("hospital_code", "int", "hospital code = source `home` (added, organizations only)"), ("shared_code", "bool", "true for codes 11 and 12 that occur in several towns (added)")])}

## Caveats found in the source
- Codes 11 and 12 of `home` span several towns (see above); no value labels exist for `home`, `city` or most codes.
- `date` is missing for 62 of 125 physicians; `nonpoor` for 41.
- `toa`, `ado` and `adopt` are identical columns.
"""
    ds.write(out / "medInnovations", meta, readme)
    return ds


# ------------------------------------------------------------------------------------------
KF_REL = {
    "net1": ("fp_talk", "ego → alter: neighbours ego talks to about family planning (net11..net15)"),
    "net2": ("neighbour", "ego → alter: closest neighbours ego meets most frequently (net21..net25)"),
    "net3": ("fp_advice", "ego → alter: ego seeks advice on family planning from alter (net31..net35)"),
    "net4": ("fp_information", "ego → alter: alter provided ego with information on family planning (net41..net45)"),
    "net5": ("abortion_advice", "ego → alter: ego seeks advice on induced abortion from alter (net51..net55)"),
    "net6": ("health_advice", "ego → alter: ego seeks advice on health from alter (net61..net65)"),
    "net7": ("purchase_advice", "ego → alter: ego seeks advice on the purchase of goods from alter (net71..net75)"),
    "net8": ("education_advice", "ego → alter: ego seeks advice on children's education from alter (net81..net85)"),
}


def convert_kfamily(src, out):
    d = src / "kfamily"
    rows = read_csv(d / "kfamily_nodes.csv")
    cb = read_codebook(d / "kfamily_codebook.csv")
    assert len(rows) == 1047
    cols = source_columns(rows)
    ds = Dataset("kfamily")
    for _, name, typ in cols:
        ds.node_attr(name, typ)
    ds.node_attr("club_member", "bool")
    # kfamily_toa_netdiffuseR.csv: its toa VALUES follow the nodes table's row order (numeric uid), but its uid
    # COLUMN is in string order ("10002" < "1002"), so matched by uid only 181 of 1047 agree. Positionally all agree.
    # The nodes table (the survey data frame) is authoritative: `toa` is taken from it.
    toa_rows = read_csv(d / "kfamily_toa_netdiffuseR.csv")
    assert [float(r["toa"]) for r in rows] == [float(t["toa"]) for t in toa_rows]
    assert [t["uid"] for t in toa_rows] == sorted((r["uid"] for r in rows), key=str)
    by_uid = {t["uid"]: t["toa"] for t in toa_rows}
    toa_uid_agree = sum(1 for r in rows if float(r["toa"]) == float(by_uid[r["uid"]]))
    assert toa_uid_agree == 181, toa_uid_agree
    for r in rows:
        assert int(r["uid"]) == int(float(r["village"])) * 1000 + int(float(r["id"]))
        assert r["club2"] in ("1", "2")
        assert float(r["toa"]) == float(r["ado"])
        ds.add_node(r["uid"], "actor", f"Woman {r['uid']}", club_member=(r["club2"] == "1"),
                    **{name: r[c] for c, name, _ in cols})
    villages = sorted({int(float(r["village"])) for r in rows})
    assert len(villages) == 25
    for v in villages:
        ds.add_node(f"village-{v}", "organization", f"Village {v}", village=v)
    for r in rows:
        ds.add_edge(r["uid"], f"village-{int(float(r['village']))}", "member", True)

    ds.edge_attr("rank", "int")
    erows = read_csv(d / "kfamily_edges_by_relation.csv")
    assert len(erows) == 16465
    relmap = {k: v[0] for k, v in KF_REL.items()}
    best, dup, loops = nomination_arcs(erows, relmap, set(ds.nodes), lambda v: int(v[4:]))
    expected = {"fp_talk": 2581, "neighbour": 3133, "fp_advice": 2374, "fp_information": 2061, "abortion_advice": 735,
                "health_advice": 1799, "purchase_advice": 1884, "education_advice": 1881}
    assert Counter(k[2] for k in best) == Counter(expected), Counter(k[2] for k in best)
    pairs = {(s, t) for (s, t, _) in best}
    assert len(pairs) == 5021 and sum(1 for s, t in pairs if s == t) == 22
    for (s, t, rel), rk in best.items():
        if s != t:
            ds.add_edge(s, t, rel, True, rank=rk)
    nd = {(r["from"], r["to"]) for r in read_csv(d / "kfamily_edges_netdiffuseR.csv")}
    assert nd == {p for p in pairs if p[0] != p[1]}

    rel_desc = {v[0]: v[1] for v in KF_REL.values()}
    rel_desc["member"] = "woman → village of residence"
    notes = {rel: f"{expected[rel]} distinct arcs in source − {loops.get(rel, 0)} self-loops" for rel in expected}
    meta = {
        "name": "kfamily",
        "title": "Korean family planning (Seoul National University, 1973): 1047 married women in 25 villages",
        "source": "R package netdiffuseR (USCCANA/netdiffuseR, data/kfamily.rdata, kfamilyDiffNet.rdata), converted via ../shared/datasets/kfamily",
        "licence": "netdiffuseR: MIT + file LICENSE (2020, Thomas W. Valente); provenance Rogers tape -> Granovetter/Soong -> Valente",
        "relations": rel_desc,
        "organization_kind": "organization",
        # Nominations "ego names alter": influence flows from alter to ego (netdiffuseR's exposure).
        "influence": {r: "reverse" for r in rel_desc if r != "member"},
    }
    dup_text = ", ".join(f"{r} {n}" for r, n in sorted(dup.items()))
    loop_text = ", ".join(f"{r} {n}" for r, n in sorted(loops.items()))
    members = sum(1 for r in rows if r["club2"] == "1")
    readme = f"""# kfamily: Korean family planning, 25 villages (1973)

1047 married women in 25 Korean villages: eight nomination networks, mothers' club membership, and the
time at which each adopted a modern family-planning method (`toa`). Use: empirical diffusion, exposure,
thresholds, club vs. non-club uptake.

**Source:** GitHub USCCANA/netdiffuseR, data/kfamily.rdata, data/kfamilyDiffNet.rdata; labels from R/data.r
(via `../shared/datasets/kfamily`).
**Licence:** netdiffuseR MIT + file LICENSE (2020, Thomas W. Valente). Provenance: Rogers tape -> Granovetter/Soong -> Valente.

{FORMAT_NOTE}

## Counts (asserted by tests)
{ds.counts_markdown(notes)}

4999 distinct (ego, alter) pairs carry at least one relation (= netdiffuseR's graph, checked by the script).

## Nodes
- **actor** (1047): one woman per row; `id` = netdiffuseR's `uid` = village × 1000 + respondent id. **All 432 original
  columns are kept** (the file stays under 1 MB); the source `id` is renamed `respondent_id`. All values are integral and
  written as `:int`.
- `club_member:bool` (added) = **mothers' club membership**, derived from `club2` ("Membership in club", coded 1/2 without
  value labels): `club2 = 1` → true ({members} women), `2` → false. Why 1 = member: of the 462 women with `club2 = 1`,
  453 have `club3` ("Reasons for not becoming a member") = 0 (not applicable), while 569 of the 585 with `club2 = 2` give a
  reason (1–3). `club2` itself is kept unchanged.
- `toa` = time of adoption, 1–11 (1 = 1963; `ado` is the same). 374 women have `toa = 11`, the last period: the source
  does not say whether 11 means "adopted in the last period" or "not adopted by the end" (the diffnet object stores it as
  period 11, like any other time).
- **organization** (25): `village-<v>` with attribute `village`; every woman is `member` of her village.

## Relations
{relation_table(rel_desc)}

Relation names come from the codebook labels (`net1`..`net8` in the source). Each relation is directed, one row per distinct
arc, `weight` empty (= 1), edge attribute `rank:int` = the smallest nomination slot (1–5) in which ego named alter.
Only nominations of surveyed women are present; zeros were treated as missing (as in netdiffuseR).

**Self-loops are dropped** ({sum(loops.values())} relation arcs on 22 distinct pairs: {loop_text}): a woman naming herself as
her own neighbour or adviser is a coding error, and netdiffuseR drops them too.
Duplicate nominations of the same alter by the same ego in two slots of one relation were merged ({sum(dup.values())} rows: {dup_text}).

## Node attributes (source labels)
{codebook_table(cols, cb, [("club_member", "bool", "mothers' club member: `club2` = 1 (added, see above)")])}

## Caveats found in the source
- **`kfamily_toa_netdiffuseR.csv` is misaligned**: its toa values are listed in the nodes table's order (numeric uid), but
  its `uid` column is in string order (`10002` before `1002`), so joined by uid only {toa_uid_agree} of 1047 values agree
  (positionally all 1047 do). `toa` here comes from the nodes table (the survey data frame). Anyone joining the diffnet
  toa by id gets a scrambled adoption vector.
- `club1`..`club10` carry no value labels; `club2` coding deduced as explained above.
- Labels of `net42`..`net45` all read "Information provided on FP by 1" in the codebook (a copy error in the source labels).
- `rhealth2`..`rhealth5` lack their rank number in the codebook label.
- Duplicate nominations and self-loops as counted above.
"""
    ds.write(out / "kfamily", meta, readme)
    return ds


# ------------------------------------------------------------------------------------------
BR_REL = {
    "friend": ("friendship", "ego → alter: ego named alter among his (up to 3) friends (net31..net33, \"nomination friend\")"),
    "influential": ("influential", "ego → alter: ego named alter among the (up to 3) most influential persons in agriculture (net21..net23, \"nomination influential\")"),
    "practiceA": ("practice_a", "ego → alter: alter is who ego named for practice A (net11, \"nomination practice A\")"),
    "practiceB": ("practice_b", "ego → alter: alter is who ego named for practice B (net12, \"nomination practice B\")"),
    "practiceC": ("practice_c", "ego → alter: alter is who ego named for practice C (net13, \"nomination practice C\")"),
    "coop": ("coop_project", "ego → alter: alter is who ego named for the cooperative/community project (net41, \"nomination coop comm proj\")"),
}


def convert_brfarmers(src, out):
    d = src / "brfarmers"
    rows = read_csv(d / "brfarmers_nodes.csv")
    cb = read_codebook(d / "brfarmers_codebook.csv")
    assert len(rows) == 692
    cols = source_columns(rows)
    ds = Dataset("brfarmers")
    for _, name, typ in cols:
        ds.node_attr(name, typ)
    ds.node_attr("toa_year", "int")
    ds.node_attr("coop_member", "bool")
    toa = {r["uid"]: int(r["toa"]) for r in read_csv(d / "brfarmers_toa_netdiffuseR.csv")}
    for r in rows:
        assert toa[r["uid"]] == 1945 + int(float(r["toa"]))
        assert int(r["uid"]) == int(float(r["village"])) * 100 + int(float(r["id"]))
        assert r["coop"] in ("0", "2")
        ds.add_node(r["uid"], "actor", f"Farmer {r['uid']}", toa_year=toa[r["uid"]], coop_member=(r["coop"] == "2"),
                    **{name: r[c] for c, name, _ in cols})
    villages = sorted({int(r["village"]) for r in rows})
    assert len(villages) == 11
    for v in villages:
        ds.add_node(f"village-{v}", "organization", f"Village {v}", village=v)
    for r in rows:
        ds.add_edge(r["uid"], f"village-{int(r['village'])}", "member", True)

    ds.edge_attr("rank", "int")
    erows = read_csv(d / "brfarmers_edges_by_relation.csv")
    assert len(erows) == 2926
    relmap = {k: v[0] for k, v in BR_REL.items()}
    best, dup, loops = nomination_arcs(erows, relmap, set(ds.nodes), lambda v: int(v[4]) if v[3] in "23" else 1)
    expected = {"friendship": 835, "influential": 939, "practice_a": 280, "practice_b": 272, "practice_c": 255, "coop_project": 343}
    assert Counter(k[2] for k in best) == Counter(expected)
    pairs = {(s, t) for (s, t, _) in best}
    assert len(pairs) == 1900 and sum(1 for s, t in pairs if s == t) == 46
    for (s, t, rel), rk in best.items():
        if s != t:
            ds.add_edge(s, t, rel, True, rank=rk)
    nd = {(r["from"], r["to"]) for r in read_csv(d / "brfarmers_edges_netdiffuseR.csv")}
    assert nd == {p for p in pairs if p[0] != p[1]}

    rel_desc = {v[0]: v[1] for v in BR_REL.values()}
    rel_desc["member"] = "farmer → village"
    notes = {rel: f"{expected[rel]} distinct arcs in source − {loops.get(rel, 0)} self-loops" for rel in expected}
    meta = {
        "name": "brfarmers",
        "title": "Brazilian farmers (Rogers et al. 3-country study): hybrid corn adoption 1946-1966 in 11 villages",
        "source": "R package netdiffuseR (USCCANA/netdiffuseR, data/brfarmers.rdata, brfarmersDiffNet.rdata), converted via ../shared/datasets/brfarmers",
        "licence": "netdiffuseR: MIT + file LICENSE (2020, Thomas W. Valente); provenance U. Wisconsin archive, via Valente",
        "relations": rel_desc,
        "organization_kind": "organization",
        # Nominations "ego names alter": influence flows from alter to ego (netdiffuseR's exposure).
        "influence": {r: "reverse" for r in rel_desc if r != "member"},
    }
    dup_text = ", ".join(f"{r} {n}" for r, n in sorted(dup.items())) or "none"
    loop_text = ", ".join(f"{r} {n}" for r, n in sorted(loops.items()))
    members = sum(1 for r in rows if r["coop"] == "2")
    yr_plus1 = sum(1 for r in rows if float(r["yr"]) == float(r["adopt"]) + 1)
    yr_same = sum(1 for r in rows if float(r["yr"]) == float(r["adopt"]))
    assert all(float(r["toa"]) + 45 == float(r["adopt"]) for r in rows)
    readme = f"""# brfarmers: Brazilian farmers, hybrid corn adoption (11 villages)

692 farmers in 11 Brazilian villages (Rogers et al. three-country diffusion study): six nomination networks,
cooperative membership and the year each adopted hybrid corn. Use: empirical diffusion, exposure, thresholds.

**Source:** GitHub USCCANA/netdiffuseR, data/brfarmers.rdata and data/brfarmersDiffNet.rdata; labels from R/data.r
(via `../shared/datasets/brfarmers`).
**Licence:** netdiffuseR MIT + file LICENSE (2020, Thomas W. Valente). Provenance: U. Wisconsin archive, via Valente.

{FORMAT_NOTE}

## Counts (asserted by tests)
{ds.counts_markdown(notes)}

1854 distinct (ego, alter) pairs carry at least one relation (= netdiffuseR's graph, checked by the script).

## Nodes
- **actor** (692): one farmer per row; `id` = netdiffuseR's `uid` = village × 100 + respondent id. **All 148 original
  columns are kept**; the source `id` (within-village id, no label in the codebook) is renamed `respondent_id`.
  `liveout`, `hlperc`, `hlperc1` are text (`:string`); `tri` is `:double` (float32 values written shortest); all others `:int`.
- `toa` = time of adoption as in the source table, 1–20, and `toa_year:int` (added) = the diffnet object's toa = 1945 + `toa`
  (1946–1965; 152 farmers have 1965, the last period).
- `coop` = "membership in coop", coded 0/2 in the source without value labels. `coop_member:bool` (added) = `coop = 2`
  ({members} farmers). **Assumed** reading: 0 = not a member, 2 = member.
- **organization** (11): `village-<v>` (source village codes 10…82) with attribute `village`; every farmer is `member` of his village.

## Relations
{relation_table(rel_desc)}

Relation names come from the codebook labels (`friend`, `influential`, `practiceA/B/C`, `coop` in the source file).
Each is directed, one row per distinct arc, `weight` empty (= 1), edge attribute `rank:int` = nomination slot (1–3 for
friendship and influential, always 1 for the single-nomination relations). Only nominations of surveyed farmers are present.

**Self-loops are dropped** ({sum(loops.values())} relation arcs on 46 distinct pairs: {loop_text}), as netdiffuseR does.
Duplicate nominations merged: {dup_text}.
Note: the codebook does not say which agricultural practices A, B and C are.

## Node attributes (source labels)
{codebook_table(cols, cb, [("toa_year", "int", "adoption year = 1945 + toa (added)"), ("coop_member", "bool", "coop = 2 (added, assumed coding)")])}

## Caveats found in the source
- Several codebook entries are "--- MISSING INFO ---" (`fs`, `hlperc1`, `sourc6`, `adopt`, `id`, `test`).
- `yr` ("Actual Year of Adoption") = `adopt` + 1 for {yr_plus1} farmers but = `adopt` for {yr_same}; `toa` + 45 = `adopt` and 1945 + `toa` = the diffnet toa for all 692.
- {sum(loops.values())} self-nominations (listed above).
"""
    ds.write(out / "brfarmers", meta, readme)
    return ds


# ------------------------------------------------------------------------------------------
def convert_email(src, out):
    d = src / "email-Eu-core"
    labels = [l.split() for l in (d / "email-Eu-core-department-labels.txt").read_text().splitlines() if l.strip()]
    arcs = [tuple(l.split()) for l in (d / "email-Eu-core.txt").read_text().splitlines() if l.strip()]
    assert len(labels) == 1005 and len(arcs) == 25571 and len(set(arcs)) == 25571
    ds = Dataset("email-Eu-core")
    ds.node_attr("department", "int")
    for n, dept in labels:
        ds.add_node(n, "actor", f"Person {n}", department=int(dept))
    depts = sorted({int(dept) for _, dept in labels})
    assert depts == list(range(42))
    for dep in depts:
        ds.add_node(f"dept-{dep}", "organization", f"Department {dep}", department=dep)
    for n, dept in labels:
        ds.add_edge(n, f"dept-{dept}", "member", True)
    for s, t in arcs:
        ds.add_edge(s, t, "email", True)
    assert sum(1 for s, t in arcs if s == t) == 642
    sizes = Counter(int(dept) for _, dept in labels)
    rel_desc = {"email": "sender → recipient: at least one e-mail sent (SNAP: u sent at least one e-mail to v)",
                "member": "person → department (ground-truth community of SNAP's email-Eu-core)"}
    meta = {
        "name": "email-Eu-core",
        "title": "SNAP email-Eu-core: e-mail network of a European research institution with 42 departments",
        "source": "SNAP (Leskovec et al.), copies from GitHub paragk-10/Social-Network-Analysis, via ../shared/datasets/email-Eu-core",
        "licence": "none stated in the repositories; original is SNAP (Leskovec et al.)",
        "relations": rel_desc,
        "organization_kind": "organization",
    }
    readme = f"""# email-Eu-core: e-mail network with 42 departments

E-mail network of a large European research institution (SNAP): an arc u → v when u sent at least one e-mail to v,
with each person's department. Use: departments as organizations; brokerage; reach.

**Source:** GitHub paragk-10/Social-Network-Analysis (files email-Eu-core.txt, email-Eu-core-department-labels.txt),
normalised to 'u v' + LF; byte-identical to another independent copy (md5 071439458b0148852cfdc757c15ee1cb). Original: SNAP.
**Licence:** none stated in the repositories; original is SNAP (Leskovec et al.).

{FORMAT_NOTE}

## Counts (asserted by tests)
{ds.counts_markdown({"email": "all source arcs, self-loops kept", "member": "one department per person"})}

SNAP statistics (from the source README): 0 isolates, 16064 undirected non-loop edges, largest WCC 986, largest SCC 803,
105461 triangles, average clustering 0.3994.

## Nodes
- **actor** (1005): `id` = SNAP node id (0–1004), label `Person <id>`, attribute `department:int` (0–41).
- **organization** (42): `dept-<d>`, label `Department <d>`, attribute `department:int`. Sizes range
  {min(sizes.values())}–{max(sizes.values())} (department {max(sizes, key=sizes.get)} is the largest).

## Relations
{relation_table(rel_desc)}

`email` is directed, unweighted (`weight` empty), one row per distinct arc; **the 642 self-loops are kept** (a person
e-mailing themself is in SNAP's data and in its published counts).
"""
    ds.write(out / "email-Eu-core", meta, readme)
    return ds


# ------------------------------------------------------------------------------------------
def read_krack_matrix(path):
    arcs = set()
    for line in path.read_text().splitlines():
        p = line.split()
        if len(p) == 3 and p[2] == "1":
            arcs.add((p[0], p[1]))
    return arcs


def convert_krack(src, out):
    d = src / "krackhardt-hightech"
    attrs = read_csv(d / "Krack-High-Tec-Attributes.csv")
    adv = read_krack_matrix(d / "Krack-High-Tec-edgelist-Advice.txt")
    fr = read_krack_matrix(d / "Krack-High-Tec-edgelist-Friendship.txt")
    rep = read_krack_matrix(d / "Krack-High-Tec-edgelist-ReportsTo.txt")
    # cross-check with the multiplex copy
    mx = defaultdict(set)
    for line in (d / "Krackhardt-High-Tech_multiplex.edges").read_text().splitlines():
        p = line.split()
        if len(p) == 4:
            mx[p[0]].add((p[1], p[2]))
    assert (mx["1"], mx["2"], mx["3"]) == (adv, fr, rep)
    assert (len(adv), len(fr), len(rep)) == (190, 102, 20)
    level_label = {1: "CEO", 2: "vice-president", 3: "manager"}
    ds = Dataset("krackhardt-hightech")
    for a, t in [("age", "int"), ("tenure", "double"), ("level", "int"), ("level_label", "string"), ("department", "int")]:
        ds.node_attr(a, t)
    for r in attrs:
        lv = int(r["LEVEL"])
        lab = f"Manager {r['ID']}" + (" (CEO)" if lv == 1 else " (VP)" if lv == 2 else "")
        ds.add_node(r["ID"], "actor", lab, age=int(r["AGE"]), tenure=float(r["TENURE"]), level=lv,
                    level_label=level_label[lv], department=int(r["DEPT"]))
    depts = sorted({int(r["DEPT"]) for r in attrs})
    assert depts == [0, 1, 2, 3, 4]
    for dep in depts:
        ds.add_node(f"dept-{dep}", "organization", "CEO (department 0)" if dep == 0 else f"Department {dep}", department=dep)
    for r in attrs:
        ds.add_edge(r["ID"], f"dept-{r['DEPT']}", "member", True)
    for rel, arcs in [("advice", adv), ("friendship", fr), ("reports_to", rep)]:
        for s, t in arcs:
            assert s != t
            ds.add_edge(s, t, rel, True)
    # reports_to is a tree rooted at 7 (the CEO)
    assert {s for s, _ in rep} == {r["ID"] for r in attrs} - {"7"}
    vps = sorted((r["ID"] for r in attrs if r["LEVEL"] == "2"), key=int)
    sizes = Counter(int(r["DEPT"]) for r in attrs)
    rel_desc = {
        "advice": "i → j: i goes to j for advice at work (\"who would manager i go to for advice\")",
        "friendship": "i → j: i considers j a personal friend",
        "reports_to": "i → j: j is i's direct superior (a tree rooted at manager 7, the CEO)",
        "member": "manager → department (source column DEPT; department 0 = the CEO alone)",
    }
    meta = {
        "name": "krackhardt-hightech",
        "title": "Krackhardt (1987) high-tech managers: advice, friendship, reports-to, departments",
        "source": "GitHub rghetti/Network_modeling (Krackhardt-High-Tech multiplex) and SDS-AAU/M2-2018 (Stanford SNA-lab edge lists and attributes), via ../shared/datasets/krackhardt-hightech",
        "licence": "none stated in either repository; data from Krackhardt (1987), Social Networks 9",
        "relations": rel_desc,
        "organization_kind": "organization",
        # Nominations "ego names alter": influence flows from alter to ego (netdiffuseR's exposure).
        "influence": {"advice": "reverse", "friendship": "reverse"},
    }
    readme = f"""# krackhardt-hightech: Krackhardt's high-tech managers

21 managers of a small high-tech firm (Krackhardt 1987): who asks whom for advice, who is whose friend, who reports to
whom, with age, tenure, level and department. Use: multiplex + hierarchy; small oracle graph.

**Sources (two independent copies, identical arc sets):** GitHub rghetti/Network_modeling (Krackhardt-High-Tech_multiplex.edges,
De Domenico format) and GitHub SDS-AAU/M2-2018 (Krack-High-Tec-edgelist-{{Advice,Friendship,ReportsTo}}.txt, Krack-High-Tec-Attributes.csv).
The script checks that both copies agree.
**Licence:** none stated in either repository (data: D. Krackhardt, "Cognitive social structures", Social Networks 9, 1987).

{FORMAT_NOTE}

## Counts (asserted by tests)
{ds.counts_markdown({"member": "one department per manager", "reports_to": "tree rooted at 7"})}

Reciprocity (from the source README): advice 0.474, friendship 0.451. No self-loops.

## Nodes
- **actor** (21): `id` = manager number 1–21 (label `Manager <id>`, with "(CEO)" or "(VP)"). Attributes: `age:int` (years),
  `tenure:double` (years with the firm, decimal, from Krack-High-Tec-Attributes.csv; the multiplex copy rounds it),
  `level:int` (1 = CEO, 2 = vice-president, 3 = manager) and `level_label:string`, `department:int` (0–4).
- **organization** (5): `dept-1`..`dept-4` (sizes {sizes[1]}, {sizes[2]}, {sizes[3]}, {sizes[4]}), headed by the VPs {", ".join(vps)},
  and `dept-0`.

### Department 0 (the CEO)
DEPT = 0 is the CEO's code (manager 7 alone), not a department. It is kept as a **one-member organization `dept-0`**
("CEO (department 0)") so that the partition equals the DEPT vector used by every published analysis (e.g. R `sna::brokerage(g, cl = dept)`),
which makes oracle values comparable. Analyses of departments proper should drop `dept-0` (or read the CEO as unaffiliated);
its ties then all count as ties between groups.

## Relations
{relation_table(rel_desc)}

All relations directed, unweighted (`weight` empty).
"""
    ds.write(out / "krackhardt-hightech", meta, readme)
    return ds


# ------------------------------------------------------------------------------------------
def convert_davis(src, out):
    d = src / "davis-southern-women"
    nodes = read_csv(d / "davis_nodes.csv")
    aff = read_csv(d / "davis_affiliations.csv")
    assert len(aff) == 89 and len({(r["woman"], r["event"]) for r in aff}) == 89
    # cross-check with the incidence matrix
    inc = read_csv(d / "davis_incidence_18x14.csv")
    inc_set = {(r["woman"], e) for r in inc for e in r if e != "woman" and r[e] == "1"}
    assert inc_set == {(r["woman"], r["event"]) for r in aff}
    ds = Dataset("davis-southern-women")
    ds.node_attr("events_attended", "int")
    ds.node_attr("attendance", "int")
    deg = Counter(r["woman"] for r in aff)
    edeg = Counter(r["event"] for r in aff)
    for r in nodes:
        if r["mode"] == "woman":
            ds.add_node(r["id"], "actor", r["id"], events_attended=deg[r["id"]])
        else:
            ds.add_node(r["id"], "event", f"Event {r['id'][1:]}", attendance=edeg[r["id"]])
    for r in aff:
        ds.add_edge(r["woman"], r["event"], "attends", True)
    assert ds.kind_counts() == {"actor": 18, "event": 14}
    rel_desc = {"attends": "woman → event: she attended the social event"}
    meta = {
        "name": "davis-southern-women",
        "title": "Davis, Gardner & Gardner (1941) Southern Women: 18 women x 14 social events",
        "source": "Python package networkx 3.6.1, networkx.davis_southern_women_graph(), via ../shared/datasets/davis-southern-women",
        "licence": "BSD-3-Clause (networkx)",
        "relations": rel_desc,
        "organization_kind": "organization",
    }
    readme = f"""# davis-southern-women: Southern Women (18 women × 14 events)

Davis, Gardner & Gardner (1941), *Deep South*: which of 18 women attended which of 14 social events in a Southern town.
Use: two-mode networks and projections.

**Source:** Python package networkx 3.6.1 (PyPI), `networkx.davis_southern_women_graph()` (built into the library code; BSD-3).
Cross-checked with GitHub bavla/Nets Davis.paj (identical 89 ties; names differ: Katherina/Katherine, Myra/Myrna).
**Licence:** BSD-3-Clause (networkx).

{FORMAT_NOTE}

## Counts (asserted by tests)
{ds.counts_markdown({"attends": "the 89 ties of the networkx/Pajek version"})}

One-mode projections (source README): women 139 edges, events 66 edges.

## Nodes
- **actor** (18): `id` = the woman's name as networkx spells it (e.g. `Evelyn Jefferson`, `Katherina Rogers`, `Myra Liddel`);
  attribute `events_attended:int` (her degree).
- **event** (14): `E1`..`E14` (kind `event`, label `Event <n>`), attribute `attendance:int` (its degree).
  There are no organizations: the events are the second mode.

## Relations
{relation_table(rel_desc)}

Directed woman → event, unweighted. The UCINET variant DAVIS.DAT has 93 ties (4 extra: Dorothy–E10, Dorothy–E12,
Helen–E13, Helen–E14); that variant is **not** used here.
"""
    ds.write(out / "davis-southern-women", meta, readme)
    return ds


# ------------------------------------------------------------------------------------------
def convert_lazega(src, out):
    d = src / "lazega-lawfirm"
    nodes = read_csv(d / "lazega_Lazega_nodes.csv")
    edges = read_csv(d / "lazega_Lazega_edges.csv")
    assert len(nodes) == 71 and len(edges) == 2571
    ds = Dataset("lazega-lawfirm")
    int_cols = ["status", "gender", "office", "practice", "lawschool", "age", "seniority_years"]
    str_cols = ["status_label", "gender_label", "office_label", "practice_label", "lawschool_label"]
    for c in int_cols:
        ds.node_attr(c, "int")
    for c in str_cols:
        ds.node_attr(c, "string")
    ds.node_attr("office_name", "string")
    for r in nodes:
        ds.add_node(r["id"], "actor", r["label"], **{c: r[c] for c in int_cols + str_cols})
    offices = sorted({(int(r["office"]), r["office_label"]) for r in nodes})
    for code, name in offices:
        ds.add_node(f"office-{code}", "organization", f"{name} office", office=code, office_name=name)
    for r in nodes:
        ds.add_edge(r["id"], f"office-{r['office']}", "member", True)
    relmap = {"advice": "advice", "friendship": "friendship", "co-work": "cowork"}
    seen = set()
    for r in edges:
        assert r["directed"] == "1" and r["weight"] == "1"
        key = (r["source"], r["target"], relmap[r["relation"]])
        assert key not in seen and key[0] != key[1]
        seen.add(key)
        ds.add_edge(r["source"], r["target"], relmap[r["relation"]], True)
    rc = ds.relation_counts()
    assert (rc["advice"], rc["friendship"], rc["cowork"]) == (892, 575, 1104)
    oc = Counter(r["office_label"] for r in nodes)
    rel_desc = {
        "advice": "i → j: i goes to j for basic professional advice",
        "friendship": "i → j: i socializes with j outside work",
        "cowork": "i → j: i has worked with j on at least one case (`co-work` in the source; 378 pairs are mutual)",
        "member": "lawyer → office (Boston, Hartford, Providence)",
    }
    meta = {
        "name": "lazega-lawfirm",
        "title": "Lazega law firm (SG&R, New England 1988-91): 71 attorneys, advice / friendship / co-work",
        "source": "GitHub bavla/Rnet net/mRel/Lazega/Lazega-Law-Firm.paj (Batagelj's Pajek conversion of De Domenico's Lazega multiplex), via ../shared/datasets/lazega-lawfirm",
        "licence": "none stated; original data E. Lazega. TESTS ONLY: not shipped in Datasets/",
        "relations": rel_desc,
        "organization_kind": "organization",
    }
    readme = f"""# lazega-lawfirm (test fixture only)

**Not a shipped dataset**: its licence is unclear, so it lives in `Tests/Fixtures/` for tests only and must not be copied
into `Datasets/` or distributed with the product.

71 attorneys of a New England corporate law firm (Lazega, 1988–91): advice, friendship and co-work, with status, gender,
office, practice, law school, age and seniority.

**Source:** GitHub bavla/Rnet, net/mRel/Lazega/Lazega-Law-Firm.paj - Batagelj's Pajek conversion of De Domenico's
Lazega-Law-Firm_Multiplex_Social (cross-checked with FourquetDavid/morphogenesis_network LazegaLawyers-*.gml).
**Licence:** none stated in bavla/Rnet; original data E. Lazega (see Snijders' Lazega page cited in the .paj).

{FORMAT_NOTE}

## Counts (asserted by tests)
{ds.counts_markdown({"cowork": "`co-work` in the source; 378 mutual pairs", "member": "one office per lawyer"})}

## Nodes
- **actor** (71): `id` 1–71, label `L<id>`; attributes as coded in the source (`status` 1 = partner, 2 = associate; `gender` 1 = man,
  2 = woman; `office` 1 Boston, 2 Hartford, 3 Providence; `practice` 1 litigation, 2 corporate; `lawschool` 1 harvard/yale,
  2 ucon, 3 other; `age`; `seniority_years`) with the decoded `*_label` strings.
- **organization** (3): `office-1` Boston ({oc['Boston']}), `office-2` Hartford ({oc['Hartford']}), `office-3` Providence ({oc['Providence']}),
  attributes `office:int` and `office_name:string`.

## Relations
{relation_table(rel_desc)}

All directed, unweighted (`weight` empty), no self-loops.
"""
    ds.write(out / "lazega-lawfirm", meta, readme)
    return ds


def copy_grqc(src, out):
    d = src / "snap-ca-GrQc"
    dst = out / "snap-ca-GrQc"
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(d / "CA-GrQc.edges.txt", dst / "CA-GrQc.edges.txt")
    lines = (dst / "CA-GrQc.edges.txt").read_text().splitlines()
    edges = [l.split() for l in lines if l and not l.startswith("#")]
    nodes = {x for e in edges for x in e}
    loops = sum(1 for a, b in edges if a == b)
    assert (len(edges), len(nodes), loops) == (14496, 5242, 12)
    src_readme = (d / "README.txt").read_text().rstrip("\n")
    comments = [l for l in lines if l.startswith("#")]
    readme = f"""# snap-ca-GrQc (test fixture)

SNAP ca-GrQc: arXiv General Relativity co-authorship network, undirected. `CA-GrQc.edges.txt` is a verbatim copy of
`../shared/datasets/snap-ca-GrQc/CA-GrQc.edges.txt`: {len(comments)} comment line starting with `#`, then one `u v` line per edge
(space separated, LF). Used to test the edge-list reader and count-level algorithms on a real graph.

## Counts (asserted by tests)
| what | value |
| --- | ---: |
| nodes | {len(nodes)} |
| edge lines (undirected edges) | {len(edges)} |
| self-loops | {loops} |
| largest connected component | 4158 |
| triangles | 48260 |
| average clustering | 0.5296 |

(Nodes, edge lines and self-loops are counted by `Datasets/convert.py`; the last three come from the source README and equal
SNAP's published statistics.)

## Source README (verbatim)
```
{src_readme}
```
"""
    (dst / "README.md").write_text(readme, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=REPO.parent / "shared" / "datasets")
    a = ap.parse_args()
    src = a.src
    out = REPO / "Datasets"
    fx = REPO / "Tests" / "Fixtures"
    summary = []
    for f in (convert_med, convert_kfamily, convert_brfarmers, convert_email, convert_krack, convert_davis):
        ds = f(src, out)
        summary.append((ds.name, ds.kind_counts(), ds.relation_counts()))
    ds = convert_lazega(src, fx)
    summary.append(("Tests/Fixtures/" + ds.name, ds.kind_counts(), ds.relation_counts()))
    copy_grqc(src, fx)
    for name, kc, rc in summary:
        print(name, kc, rc)


if __name__ == "__main__":
    main()
