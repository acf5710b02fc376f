#!/usr/bin/env python3
"""Write and check the two case studies of P. Lyet's article (shared/seed/000_a39c989a33c85d59.txt):

    python3 Datasets/casestudies.py           write Datasets/chalon-sur-saone/ and Datasets/cucm-plie/, then check them
    python3 Datasets/casestudies.py --check   only check the folders as they are (exit 1 on any violation)

The article gives no complete network: these are stylized reconstructions. Every node and edge row carries
`basis` = `documented` (the article states it), `inferred` (follows from what it states; the `note` column says how)
or `assumed` (added so that organizations have members beyond their delegates, a hierarchy and everyday ties), and
`locator`: the article's locator(s) (`note 3`, `I.B`, `II.A`, ...; several separated by `; `), each optionally followed
by a verbatim French phrase of at most 12 words between « ». Rows that nothing in the article motivates say
`none`. The check reads the written CSV files back and enforces:

  - basis in {documented, inferred, assumed}; every node and edge row has a locator; documented and inferred rows
    have at least one locator; inferred rows have a note; quotes have at most 12 words and occur verbatim in the
    article when ../shared/seed/ is there (after whitespace, typographic apostrophe and italics normalization);
  - a documented or inferred edge has documented or inferred endpoints;
  - one `cg71` institution, the same id and label in both datasets, its local units linked to it by `part_of`;
  - schemes (`employer=false`) have no `delegates` edge and are what a collective `uses`;
  - participant weights are shares of sessions in (0, 1]; per-file participants have weight < 1;
  - every date attribute is declared assumed in dataset.json;
  - dataset.json's `assumed_structure` (sizes and densities inside each organization) matches the rows;
  - README counts by basis match the rows.
Deterministic: running it twice gives identical bytes. Standard library (+ numpy, optional, via nativeformat).
"""
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from nativeformat import Dataset  # noqa: E402

D, I, A = "documented", "inferred", "assumed"
BASES = (D, I, A)
SEED = HERE.parent.parent / "shared" / "seed" / "000_a39c989a33c85d59.txt"
LOCATOR = re.compile(r"^(intro|I|II|III|IV|I\.A|I\.B|II\.A|II\.B|III\.A|III\.B|IV\.A|IV\.B|note [1-7]|conclusion)$")
PART = re.compile(r"^(?P<loc>[^«»]+?)(?:\s+«\s*(?P<quote>[^«»]+?)\s*»)?$")
MAX_QUOTE_WORDS = 12
# Counts by basis of the datasets on main before this rebuild (two values: documented | assumed).
BEFORE = {
    "chalon-sur-saone": {"nodes": {D: 14, A: 24}, "edges": {D: 22, A: 126}, "total": (38, 148)},
    "cucm-plie": {"nodes": {D: 20, A: 37}, "edges": {D: 53, A: 158}, "total": (57, 211)},
}
CG71_LABEL = "CG71: Conseil général de Saône-et-Loire, departmental social service"
# One row for CG71 in both datasets: it took part in both cases (note 3).
CG71_LOCATOR = ("note 3 « du service social du Conseil Général de Saône-et-Loire (CG71) »; "
                "note 3 « avec la participation du service social du CG71 »")
NODE_ATTRS = [("role", "string"), ("delegate", "bool"), ("employer", "bool"), ("org_type", "string"),
              ("joined", "date"), ("start", "date"), ("end", "date"), ("steering", "string"),
              ("cadence_days", "int"), ("stance", "string"), ("basis", "string"), ("locator", "string"),
              ("note", "string")]
EDGE_ATTRS = [("since", "date"), ("origin", "string"), ("via", "string"), ("kind", "string"), ("channel", "string"),
              ("duration_min", "int"), ("role", "string"), ("attendance", "string"), ("basis", "string"),
              ("locator", "string"), ("note", "string")]
ASSUMED_ATTRIBUTES = {
    "nodes": ["joined", "start", "end", "cadence_days"],
    "edges": ["weight", "since", "origin", "channel", "duration_min"],
}
DIRECTED = {"member": True, "participant": True, "reports_to": True, "acquaintance": False, "exchange": True,
            "part_of": True, "agreement": False, "delegates": True, "endorses": True, "uses": True,
            "facilitates": True, "meeting_of": True}
RELATIONS = {
    "member": "actor → organization or local unit she works in (several: the unit and its institution)",
    "participant": "actor → collective; weight = share of the collective's sessions attended (1: every session)",
    "reports_to": "actor → her first-line manager",
    "acquaintance": "knowing each other (interconnaissance); weight = trust 1–3; via = who passed the trust on",
    "exchange": "giver → receiver of a service (referral, file_transmission, feedback, information); weight = per month",
    "part_of": "local unit → the institution it belongs to (organization level, not a channel)",
    "agreement": "institution — institution bound by a convention (organization level, not a channel)",
    "delegates": "organization or unit → collective it takes part in through its professionals (organization level)",
    "endorses": "institution → collective whose procedures it endorses, explicitly or tacitly (« aval »)",
    "uses": "collective → the territorial scheme (dispositif) it works in",
    "facilitates": "scheme → collective it is officially given to facilitate (« animation »)",
    "meeting_of": "meeting → the collective whose regular sessions it stands for",
}


def new_dataset(name):
    ds = Dataset(name)
    for a, t in NODE_ATTRS:
        ds.node_attr(a, t)
    for a, t in EDGE_ATTRS:
        ds.edge_attr(a, t)
    return ds


class Builder:
    """Rows with their basis, source and (for inferred rows) how they were inferred."""

    def __init__(self, ds):
        self.ds = ds

    def node(self, nid, kind, label, basis, source, note=None, **kw):
        self.ds.add_node(nid, kind, label, basis=basis, locator=source, note=note, **kw)

    def edge(self, a, b, relation, basis, source, note=None, weight=None, **kw):
        self.ds.add_edge(a, b, relation, DIRECTED[relation], weight=weight, basis=basis, locator=source, note=note, **kw)

    def org(self, oid, label, org_type, basis, source, note=None, employer=True, **kw):
        self.node(oid, "organization", label, basis, source, note, org_type=org_type, employer=employer, **kw)

    def unit(self, uid, label, parent, basis, source, note=None):
        """A local unit of an institution (kind `unit`), linked to it by `part_of` with the same basis."""
        self.node(uid, "unit", label, basis, source, note)
        self.edge(uid, parent, "part_of", basis, source, note)

    def actor(self, aid, label, role, basis, source, note=None, member=(), manager=None, delegate=False, **kw):
        """`member`: (organization or unit, basis, source, note) tuples; `manager`: (id, basis, source, note)."""
        self.node(aid, "actor", label, basis, source, note, role=role, delegate=delegate, **kw)
        for org, b, s, n in member:
            self.edge(aid, org, "member", b, s, n)
        if manager:
            mid, b, s, n = manager
            self.edge(aid, mid, "reports_to", b, s, n)

    def staff(self, prefix, label, role, orgs, manager, count, first=1, **kw):
        """Assumed colleagues who are not in the collective: members of `orgs`, reporting to `manager`."""
        ids = []
        for i in range(first, first + count):
            aid = f"{prefix}-{i}"
            text = label.format(i=i) if "{i}" in label else f"{label} {i}"
            self.actor(aid, text, role, A, "none", member=[(o, A, "none", None) for o in orgs],
                       manager=(manager, A, "none", None), **kw)
            ids.append(aid)
        return ids

    def know(self, a, b, basis, source, note=None, weight=2, since=None, origin=None, via=None):
        self.edge(a, b, "acquaintance", basis, source, note, weight=weight, since=since, origin=origin, via=via)

    def give(self, a, b, kind, per_month, channel, minutes, basis=A, source="none", note=None):
        assert kind in ("file_transmission", "referral", "feedback", "information"), kind
        self.edge(a, b, "exchange", basis, source, note, weight=per_month, kind=kind, channel=channel,
                  duration_min=minutes)

    def takes_part(self, a, coll, basis, source, note=None, share=1, since=None, role="member", attendance="regular"):
        self.edge(a, coll, "participant", basis, source, note, weight=share, since=since, role=role,
                  attendance=attendance)

    def colleagues(self, manager, ids, since, source="none"):
        """Assumed acquaintance inside a team: everyone knows the manager, colleagues form a ring."""
        for aid in ids:
            self.know(manager, aid, A, source, weight=1, since=since, origin="current_job")
        for i in range(len(ids)):
            a, b = ids[i], ids[(i + 1) % len(ids)]
            if len(ids) < 2 or (len(ids) == 2 and i == 1):
                break
            self.know(a, b, A, source, weight=2, since=since, origin="current_job")


# Phrases of the article used more than once.
Q_HIERARCHY = "note 3 « appuyés (plus ou moins selon les structures employeurs) par leur hiérarchie »"
Q_FIRST_CIRCLE = "IV.A « que pour le premier cercle de leur hiérarchie »"
Q_AVAL = "I.B « avec l'aval (explicite ou par laisser-faire) des institutions référentes »"
Q_SERVICES = "III.B « l'entrée dans un cycle de services réciproques »"
Q_NOT_SPREAD = "IV.A « à l'interne des organisations qui avaient délégué des professionnels »"


# ==========================================================================================
def chalon():
    ds = new_dataset("chalon-sur-saone")
    b = Builder(ds)
    # institutions, units, scheme --------------------------------------------------------------
    b.org("ccas", "CCAS of Chalon-sur-Saône (municipal social action centre)", "municipal social action centre", D,
          "note 3 « la Maison de quartier du Centre Communal d'Action Sociale (CCAS) »")
    b.unit("ccas-house", "Neighbourhood house, town centre (CCAS)", "ccas", D,
           "note 3 « au sein de la Maison de quartier du Centre Communal »")
    b.org("cg71", CG71_LABEL, "departmental council", D, CG71_LOCATOR)
    b.unit("cg71-chalon", "CG71 social service, Chalon", "cg71", I, "II.A « chez les AS de Chalon »",
           "the AS of Chalon work for the CG71 social service (note 3) in the town: a local unit of it")
    b.org("pes", "Public employment service, Chalon", "public employment service", D,
          "note 3 « du service public de l'emploi »")
    b.org("training", "Training body", "training body", D, "note 3 « et d'un organisme de formation »")
    b.org("dispositif", "Territorial scheme (dispositif territorial)", "territorial scheme", D,
          "note 3 « ils ont investi un dispositif territorial »", employer=False,
          start="2004-01-05")
    b.node("equipe", "collective", "The équipe of the work-integration site (chantier d'insertion)", D,
           "I.B « selon la terminologie promue par les acteurs »; note 3 « la conception et à la mise en œuvre d'un chantier d'insertion »",
           role="partnership collective", start="2004-09-01", end="2006-06-30",
           steering="co-steering (copilotage) rule; partners' acts of recognition of the AS's participation (II.A)")
    b.node("equipe-meeting", "meeting", "Regular meeting of the équipe", D,
           "I.B « pour valider les orientations ou les prolonger »", cadence_days=30)
    b.edge("equipe-meeting", "equipe", "meeting_of", D, "I.B « pour valider les orientations ou les prolonger »")
    b.edge("equipe", "dispositif", "uses", D, "note 3 « ils ont investi un dispositif territorial »")
    for org, src in (("ccas-house", "note 3 « avec la participation de l'équipe de la maison de quartier »"),
                     ("cg71", "note 3 « du service social du Conseil Général de Saône-et-Loire (CG71) »"),
                     ("pes", "note 3 « du service public de l'emploi »"),
                     ("training", "note 3 « et d'un organisme de formation »")):
        b.edge(org, "equipe", "delegates", D, src)
    for org in ("ccas", "cg71", "pes", "training"):
        b.edge(org, "equipe", "endorses", I, Q_AVAL,
               "the article says the procedures had the endorsement of the referent institutions in both cases; "
               "the institutions that delegated professionals are those referent institutions")

    # CCAS: the house's team (director documented, team members assumed) and the CCAS beyond it --
    b.actor("ccas-manager", "Director's first-line manager (CCAS)", "manager", I, Q_HIERARCHY + "; " + Q_FIRST_CIRCLE,
            "every professional had a hierarchy that advised and backed them; the director's is in the CCAS",
            member=[("ccas", I, Q_HIERARCHY, "the director's hierarchy is his employer's")],
            stance="advised and backed the project, more or less; satisfied with the collaboration")
    b.actor("house-director", "Director, neighbourhood house", "director", D,
            "II.A « connaît le directeur de la maison de quartier depuis plusieurs mois »", delegate=True,
            member=[("ccas-house", D, "II.A « le directeur de la maison de quartier »", None),
                    ("ccas", I, "note 3 « la Maison de quartier du Centre Communal d'Action Sociale (CCAS) »",
                     "the house belongs to the CCAS, so its director works for the CCAS")],
            manager=("ccas-manager", I, Q_HIERARCHY, "the director's first-line manager in the CCAS"))
    team = [("house-site-supervisor", "Technical supervisor of the site (house team)", "site supervisor"),
            ("house-animator", "Socio-cultural animator (house team)", "animator"),
            ("house-family-worker", "Family support worker (house team)", "family support worker")]
    for aid, label, role in team:
        b.actor(aid, label, role, A, "note 3 « avec la participation de l'équipe de la maison de quartier »",
                delegate=True, member=[("ccas-house", A, "none", None), ("ccas", A, "none", None)],
                manager=("house-director", A, "none", None))
    ccas_staff = b.staff("ccas-officer", "CCAS officer {i}, other service", "CCAS officer", ["ccas"], "ccas-manager", 4)

    # CG71 -----------------------------------------------------------------------------------
    cg71_member = lambda how: [("cg71", I, "note 3 « du service social du Conseil Général de Saône-et-Loire (CG71) »", how),
                               ("cg71-chalon", I, "II.A « chez les AS de Chalon »", how)]
    b.actor("cg71-manager", "Head of the CG71 social service unit, Chalon", "manager", I,
            Q_HIERARCHY + "; " + Q_FIRST_CIRCLE, "the AS had a hierarchy that advised and backed them; their first-line manager",
            member=cg71_member("the AS's first-line manager is in their service"),
            stance="advised and backed the project, more or less; satisfied with the collaboration")
    b.actor("cg71-as-1", "AS 1 (CG71), knew the house director", "social worker (AS)", D,
            "II.A « Une des assistantes sociales (AS) connaît le directeur »", delegate=True,
            member=cg71_member("the AS of Chalon are social workers of the CG71 social service that took part (note 3)"),
            manager=("cg71-manager", I, Q_HIERARCHY, "an AS reports to her service's head"))
    for i in (2, 3):
        b.actor(f"cg71-as-{i}", f"AS {i} (CG71), new colleague of AS 1", "social worker (AS)", D,
                "II.A « à ses deux nouvelles collègues »", delegate=True, joined=("2004-05-03" if i == 2 else "2004-06-01"),
                member=cg71_member("colleagues of AS 1, in the same service"),
                manager=("cg71-manager", I, Q_HIERARCHY, "an AS reports to her service's head"))
    b.actor("cg71-insertion-manager", "Insertion manager (CG71)", "manager", A, "none",
            member=[("cg71", A, "none", None)])
    b.actor("cg71-id-1", "Insertion delegate 1", "insertion delegate", D, "II.A « et à la déléguée à l'insertion »",
            delegate=True, member=[("cg71", A, "none", "the article does not name the delegates' employer")],
            manager=("cg71-insertion-manager", A, "none", None))
    b.actor("cg71-id-2", "Insertion delegate 2, new colleague of delegate 1", "insertion delegate", D,
            "II.A « sait convaincre son nouveau collègue de s'engager »", delegate=True, joined="2004-06-14",
            member=[("cg71", A, "none", "a colleague of delegate 1, whose employer is assumed")],
            manager=("cg71-insertion-manager", A, "none", None))
    cg71_staff = b.staff("cg71-as", "AS {i} (CG71, Chalon), not in the équipe", "social worker (AS)",
                         ["cg71", "cg71-chalon"], "cg71-manager", 4, first=4)
    b.actor("cg71-secretary", "Secretary, CG71 social service, Chalon", "secretary", A, "none",
            member=[("cg71", A, "none", None), ("cg71-chalon", A, "none", None)], manager=("cg71-manager", A, "none", None))

    # public employment service and training body: their professionals are not described ---------
    for org, mid, mlabel, pid, plabel, prole, src, staff_prefix, staff_label, staff_role, n in (
            ("pes", "pes-manager", "Agency manager (public employment service)", "pes-adviser-1",
             "Employment adviser 1 (public employment service)", "employment adviser", "note 3 « du service public de l'emploi »",
             "pes-adviser", "Employment adviser", "employment adviser", 3),
            ("training", "training-manager", "Manager, training body", "training-trainer-1", "Trainer 1 (training body)",
             "trainer", "note 3 « et d'un organisme de formation »", "training-trainer", "Trainer", "trainer", 2)):
        b.actor(mid, mlabel, "manager", I, Q_HIERARCHY + "; " + Q_FIRST_CIRCLE,
                "the professionals of every employer had a hierarchy that advised and backed them",
                member=[(org, I, Q_HIERARCHY, "the hierarchy of the employer's professional")],
                stance="advised and backed the project, more or less; satisfied with the collaboration")
        b.actor(pid, plabel, prole, A, src, delegate=True, member=[(org, A, "none", None)],
                manager=(mid, A, "none", None))
        b.staff(staff_prefix, staff_label + " {i} (" + ("public employment service" if org == "pes" else "training body") + ")", staff_role, [org], mid, n, first=2)

    # the équipe -------------------------------------------------------------------------------
    b.takes_part("house-director", "equipe", I, "note 3 « avec la participation de l'équipe de la maison de quartier »",
                 "the house's team took part and he directs it; the AS's trust in him is what engaged the others (II.A)",
                 since="2004-09-01", role="runs the site")
    for aid, _, _ in team:
        b.takes_part(aid, "equipe", A, "note 3 « avec la participation de l'équipe de la maison de quartier »",
                     since="2004-09-01", role="house team")
    for i in (1, 2, 3):
        b.takes_part(f"cg71-as-{i}", "equipe", I, "II.A « la participation des AS à l'action »",
                     "the AS of Chalon took part; AS 1 engaged first and passed her trust to her two new colleagues",
                     since="2004-09-01")
    b.takes_part("cg71-id-1", "equipe", I, "II.A « sait convaincre son nouveau collègue de s'engager »",
                 "she convinced her colleague to commit to the action, having received AS 1's trust: she took part",
                 since="2004-09-01")
    b.takes_part("cg71-id-2", "equipe", I, "II.A « sait convaincre son nouveau collègue de s'engager »",
                 "convinced to commit (s'engager) to the action", since="2004-10-04")
    b.takes_part("pes-adviser-1", "equipe", A, "note 3 « du service public de l'emploi »", since="2004-09-01")
    b.takes_part("training-trainer-1", "equipe", A, "note 3 « et d'un organisme de formation »", since="2004-09-01")

    # the chain of trust -----------------------------------------------------------------------------
    b.know("cg71-as-1", "house-director", D, "II.A « connaît le directeur de la maison de quartier depuis plusieurs mois »",
           weight=3, since="2004-01-15", origin="work partnership")
    for i, since in ((2, "2004-05-03"), (3, "2004-06-01")):
        b.know("cg71-as-1", f"cg71-as-{i}", D, "II.A « à ses deux nouvelles collègues »", since=since, origin="current_job")
    b.know("cg71-as-1", "cg71-id-1", D, "II.A « et à la déléguée à l'insertion »", weight=3, since="2002-03-01",
           origin="current_job")
    b.know("cg71-id-1", "cg71-id-2", D, "II.A « sait convaincre son nouveau collègue de s'engager »", since="2004-06-14",
           origin="current_job")
    for aid, since in (("cg71-as-2", "2004-06-21"), ("cg71-as-3", "2004-07-05"), ("cg71-id-1", "2004-06-28")):
        b.know(aid, "house-director", I, "II.A « Elle sait faire passer sa confiance en cet homme »",
               "AS 1 passed her trust in the director on; that they then knew him is inferred", since=since,
               origin="introduced", via="cg71-as-1")
    b.know("cg71-id-2", "house-director", I, "II.A « sait convaincre son nouveau collègue de s'engager »",
           "delegate 1 convinced him to commit to the work with the director", since="2004-08-23", origin="introduced",
           via="cg71-id-1")
    b.know("cg71-as-2", "cg71-as-3", I, "II.A « à ses deux nouvelles collègues »",
           "both are new colleagues in the same service", weight=1, since="2004-06-01", origin="current_job")

    # assumed acquaintance ---------------------------------------------------------------------------
    b.colleagues("house-director", [t[0] for t in team], "2002-01-07")
    b.know("house-director", "ccas-manager", A, "none", since="2000-09-01", origin="current_job")
    b.colleagues("ccas-manager", ccas_staff, "2001-03-05")
    b.colleagues("cg71-manager", ["cg71-as-1"] + cg71_staff + ["cg71-secretary"], "2001-09-03")
    b.know("cg71-insertion-manager", "cg71-id-1", A, "none", since="2002-03-01", origin="current_job")
    b.know("cg71-insertion-manager", "cg71-id-2", A, "none", weight=1, since="2004-06-14", origin="current_job")
    b.know("cg71-insertion-manager", "cg71-manager", A, "none", weight=1, since="2002-03-01", origin="current_job")
    b.colleagues("pes-manager", ["pes-adviser-1", "pes-adviser-2", "pes-adviser-3", "pes-adviser-4"], "2002-02-04")
    b.colleagues("training-manager", ["training-trainer-1", "training-trainer-2", "training-trainer-3"], "2003-01-06")
    b.know("pes-adviser-1", "house-director", A, "none", weight=1, since="2004-03-15", origin="work partnership")
    b.know("training-trainer-1", "house-director", A, "none", weight=1, since="2004-04-05", origin="work partnership")

    # exchanges (all assumed: the article documents the cycle of services, not its pairs) ------------
    for aid, f in (("cg71-as-1", 2), ("cg71-as-2", 1), ("cg71-as-3", 1), ("cg71-id-1", 1.5), ("cg71-id-2", 0.5),
                   ("pes-adviser-1", 1)):
        b.give(aid, "house-director", "referral", f, "phone" if aid.startswith("cg71-as") else "meeting", 15, A, Q_SERVICES)
        b.give("house-director", aid, "feedback", max(0.5, f / 2), "phone", 10, A, Q_SERVICES)
    b.give("house-director", "training-trainer-1", "referral", 1, "meeting", 60, A, Q_SERVICES)
    b.give("training-trainer-1", "house-director", "feedback", 1, "meeting", 60, A, Q_SERVICES)
    b.give("house-site-supervisor", "house-director", "feedback", 4, "face_to_face", 15)
    b.give("house-director", "ccas-manager", "information", 1, "meeting", 45)
    b.give("cg71-as-1", "cg71-manager", "information", 0.5, "meeting", 30)
    b.give("cg71-id-1", "cg71-insertion-manager", "information", 1, "meeting", 30)
    b.give("pes-adviser-1", "pes-manager", "information", 0.25, "meeting", 20)
    b.give("training-trainer-1", "training-manager", "information", 1, "meeting", 30)
    b.give("cg71-as-4", "cg71-as-1", "information", 2, "face_to_face", 20)
    b.give("cg71-as-1", "cg71-as-4", "information", 2, "face_to_face", 20)
    b.give("pes-adviser-2", "pes-adviser-1", "information", 2, "face_to_face", 10)
    b.give("training-trainer-2", "training-trainer-1", "information", 2, "face_to_face", 10)
    return ds


# ==========================================================================================
def cucm():
    ds = new_dataset("cucm-plie")
    b = Builder(ds)
    plie_src = "note 3 « du Plan Local pour l'Insertion et l'Emploi (PLIE) de la CUCM »"
    b.org("plie", "PLIE of the urban community Le Creusot–Montceau (CUCM)", "territorial scheme (local plan for integration and employment)",
          D, plie_src + "; note 3 « Le dispositif est créé avant de mobiliser des acteurs locaux »", employer=False,
          start="1996-01-01")
    b.org("cg71", CG71_LABEL, "departmental council", D, CG71_LOCATOR)
    for dist, name in (("creusot", "Le Creusot"), ("montceau", "Montceau-les-Mines")):
        b.unit(f"cg71-{dist}", f"CG71 social service, district of {name}", "cg71", D,
               "note 3 « sur les districts du Creusot et de Montceau-les-Mines »")
    mifi_src = "note 3 « Maison de l'Information, de la Formation et de l'Insertion (MIFI) »"
    pes_src = "note 3 « du service public de l'emploi »"
    crepi_src = "note 3 « Club Régional d'Entreprises Pépinières pour l'Insertion (CREPI) »"
    training_src = "note 3 « et des organismes de formation de ce secteur »"
    b.org("mifi", "MIFI, the community's information, training and integration house", "urban community service", D, mifi_src)
    b.org("pes", "Public employment service, Le Creusot–Montceau", "public employment service", D, pes_src)
    b.org("crepi", "CREPI, regional employers' club for integration", "employers' club", D, crepi_src)
    b.org("training-a", "Training body A", "training body", D, training_src)
    b.org("training-b", "Training body B", "training body", I, training_src, "the article says training bodies, plural: at least two")
    b.node("commission", "collective", "Follow-up commission of the PLIE (commission de suivi du public)", D,
           "I.B « la forme et les objectifs de la commission de suivi du public »",
           role="partnership collective", start="2005-01-10", end="2006-12-15",
           steering="co-animation by the insertion delegate and the beneficiary's referent AS, most of the time; "
                    "emerged over time; rotates with each file (I.B)")
    b.node("commission-session", "meeting", "Session of the follow-up commission", D,
           "I.A « cette situation a été présentée en commission de suivi du public »", cadence_days=30)
    b.edge("commission-session", "commission", "meeting_of", D,
           "I.A « cette situation a été présentée en commission de suivi du public »")
    b.edge("commission", "plie", "uses", D, "note 3 « porte sur l'organisation du suivi du public dans le cadre du »")
    b.edge("plie", "commission", "facilitates", D, "II « une fonction d'animation »",
           "the article: not, by itself, a source of legitimacy (the PLIE's hierarchy is not what guarantees the action)")
    for org, basis, src, note in (("cg71", D, "note 3 « avec la participation du service social du CG71 »", None),
                                  ("mifi", D, mifi_src, None), ("pes", D, pes_src, None), ("crepi", D, crepi_src, None),
                                  ("training-a", D, training_src, None),
                                  ("training-b", I, training_src, "one of the training bodies of the sector")):
        b.edge(org, "commission", "delegates", basis, src, note)
        b.edge(org, "commission", "endorses", I, Q_AVAL,
               "the procedures had the endorsement of the referent institutions in both cases; the institutions "
               "that delegated professionals are those referent institutions")
        b.edge("plie", org, "agreement", I, "note 7 « une convention régit dès le départ les collaborations institutionnelles »",
               "the convention of the PLIE binds the institutions that collaborate in it; drawn as a tie between the "
               "PLIE and each institution; the article calls it « une coquille vide encore bien fragile »",
               since="1996-01-01")

    # PLIE: a hierarchy (documented), its staff (assumed) ------------------------------------------
    b.actor("plie-director", "Director of the PLIE", "manager", I, "II « la hiérarchie du PLIE »",
            "the PLIE has a hierarchy; its head", member=[("plie", I, "II « la hiérarchie du PLIE »", "the head of the PLIE's hierarchy")])
    b.actor("plie-facilitator", "Facilitator of the commission (PLIE)", "scheme facilitator", A, "II « une fonction d'animation »",
            delegate=True, member=[("plie", A, "none", None)], manager=("plie-director", A, "none", None))
    plie_staff = b.staff("plie-referent", "Follow-up referent {i} (PLIE)", "follow-up referent", ["plie"], "plie-director", 2)
    plie_staff += b.staff("plie-assistant", "Administrative assistant {i} (PLIE)", "assistant", ["plie"], "plie-director", 1)

    # CG71: one insertion delegate (documented), AS referents per district ------------------------------
    b.actor("cg71-insertion-manager", "Insertion delegate's first-line manager", "manager", I, Q_FIRST_CIRCLE,
            "the delegate had a hierarchy (the first circle was satisfied)", member=[("cg71", A, "none", None)],
            stance="satisfied with the collaboration")
    b.actor("cg71-id", "Insertion delegate", "insertion delegate", D,
            "I.B « par le délégué à l'insertion et l'assistant social (AS) »", delegate=True,
            member=[("cg71", A, "none", "the article does not name the delegate's employer")],
            manager=("cg71-insertion-manager", I, Q_FIRST_CIRCLE, "the delegate's first-line manager"))
    cg71_staff = {}
    for dist, name in (("creusot", "Le Creusot"), ("montceau", "Montceau")):
        unit, head = f"cg71-{dist}", f"cg71-{dist}-head"
        unit_member = [("cg71", D, "note 3 « avec la participation du service social du CG71 »", None),
                       (unit, D, "note 3 « sur les districts du Creusot et de Montceau-les-Mines »", None)]
        b.actor(head, f"Head of the CG71 social service, district of {name}", "manager", I, Q_FIRST_CIRCLE,
                "the AS of the district had a hierarchy (its first circle was satisfied)",
                member=[(o, I, s, "the head of the district's social service") for o, _, s, _ in unit_member],
                stance="satisfied with the collaboration")
        b.actor(f"{unit}-as-1", f"Referent AS 1 (CG71, district of {name})", "social worker (AS)", I,
                "I.B « l'assistant social (AS) référent social du bénéficiaire »",
                "the social service took part in both districts and the beneficiary's referent AS co-animates: "
                "at least one referent AS per district", delegate=True,
                member=[(o, I, s, "an AS of the district's social service") for o, _, s, _ in unit_member],
                manager=(head, I, Q_FIRST_CIRCLE, "an AS reports to her district's head"))
        b.actor(f"{unit}-as-2", f"Referent AS 2 (CG71, district of {name})", "social worker (AS)", A,
                "I.B « l'assistant social (AS) référent social du bénéficiaire »", delegate=True,
                member=[(unit, A, "none", None), ("cg71", A, "none", None)], manager=(head, A, "none", None))
        cg71_staff[dist] = b.staff(f"{unit}-as", f"AS {{i}} (CG71, district of {name}), not in the commission",
                                   "social worker (AS)", ["cg71", unit], head, 2, first=3)
        cg71_staff[dist] += b.staff(f"{unit}-secretary", f"Secretary {{i}} (CG71, district of {name})", "secretary",
                                    ["cg71", unit], head, 1)

    # MIFI, employment service, CREPI, training bodies: their professionals are not described ---------
    partners = {}
    for org, prefix, mlabel, plabel, prole, src, staff in (
            ("mifi", "mifi", "Manager (MIFI)", "Integration adviser 1 (MIFI)", "integration adviser", mifi_src,
             [("mifi-adviser", "Integration adviser {i} (MIFI)", "integration adviser", 1), ("mifi-officer", "Information officer {i} (MIFI)", "information officer", 1)]),
            ("pes", "pes", "Agency manager (public employment service)", "Employment adviser 1 (public employment service)",
             "employment adviser", pes_src, [("pes-adviser", "Employment adviser {i} (public employment service)", "employment adviser", 2)]),
            ("crepi", "crepi", "Director (CREPI)", "Business liaison officer (CREPI)", "business liaison officer", crepi_src,
             [("crepi-employer", "Member employer {i} (CREPI)", "member employer", 1), ("crepi-assistant", "Assistant {i} (CREPI)", "assistant", 1)]),
            ("training-a", "training-a", "Manager, training body A", "Trainer 1 (training body A)", "trainer", training_src,
             [("training-a-trainer", "Trainer {i} (training body A)", "trainer", 2)]),
            ("training-b", "training-b", "Manager, training body B", "Trainer 1 (training body B)", "trainer", training_src,
             [("training-b-trainer", "Trainer {i} (training body B)", "trainer", 2)])):
        mid = f"{prefix}-manager"
        pid = f"{prefix}-delegate"
        b.actor(mid, mlabel, "manager", I, Q_FIRST_CIRCLE, "the professionals of every institution had a hierarchy (its first circle was satisfied)",
                member=[(org, I, Q_FIRST_CIRCLE, "the hierarchy of the institution's professional")],
                stance="satisfied with the collaboration")
        b.actor(pid, plabel, prole, A, src, delegate=True, member=[(org, A, "none", None)], manager=(mid, A, "none", None))
        ids = []
        for sp, sl, sr, n in staff:
            ids += b.staff(sp, sl, sr, [org], mid, n, first=2 if sp.endswith(("adviser", "trainer")) else 1)
        partners[org] = (mid, pid, ids)

    # the follow-up commission ---------------------------------------------------------------------------
    b.takes_part("cg71-id", "commission", D, "I.B « la plupart du temps par le délégué à l'insertion »",
                 since="2005-01-10", role="co-animator, most of the time")
    for dist in ("creusot", "montceau"):
        b.takes_part(f"cg71-{dist}-as-1", "commission", I, "I.B « l'animation tourne à chaque fois que l'on change de dossier »",
                     "the referent AS co-animates when her beneficiary's file is reviewed: she attends those sessions only",
                     share=0.25, since="2005-07-04", role="co-animator of her beneficiaries' files", attendance="per_file")
        b.takes_part(f"cg71-{dist}-as-2", "commission", A, "I.B « l'animation tourne à chaque fois que l'on change de dossier »",
                     share=0.25, since="2005-07-04", role="co-animator of her beneficiaries' files", attendance="per_file")
    b.takes_part("plie-facilitator", "commission", A, "II « une fonction d'animation »", since="2005-01-10",
                 role="facilitator (PLIE)")
    for org, (mid, pid, _) in partners.items():
        b.takes_part(pid, "commission", A, "none", since="2005-03-07")

    # acquaintance -----------------------------------------------------------------------------------------
    for dist in ("creusot", "montceau"):
        b.know("cg71-id", f"cg71-{dist}-as-1", I, "II.A « née dans leur exercice professionnel »",
               "they exchange about files (I.B) and the collaboration rests on acquaintance from work (II.A)",
               since="2003-01-06", origin="current_job")
    # the origins of acquaintance are documented, the pairs are not
    origins = "II.A « née dans leur exercice professionnel »"
    unions = "II.A « dans d'autres engagements (syndicaux, entre autres) »"
    b.know("cg71-creusot-as-2", "mifi-delegate", A, origins, weight=3, since="1998-09-01", origin="earlier_job")
    b.know("cg71-id", "pes-delegate", A, unions, since="1999-05-01", origin="trade_union")
    b.know("cg71-montceau-as-2", "crepi-delegate", A, unions, since="2001-10-01", origin="trade_union")
    b.know("cg71-id", "plie-facilitator", A, origins, since="2000-02-01", origin="earlier_job")
    # inside the organizations (assumed)
    b.colleagues("plie-director", ["plie-facilitator"] + plie_staff, "2000-01-03")
    b.know("cg71-id", "cg71-insertion-manager", A, "none", since="2001-04-02", origin="current_job")
    for dist in ("creusot", "montceau"):
        unit = f"cg71-{dist}"
        b.colleagues(f"{unit}-head", [f"{unit}-as-1", f"{unit}-as-2"] + cg71_staff[dist], "2001-09-03")
        b.know(f"{unit}-head", "cg71-insertion-manager", A, "none", weight=1, since="2002-01-07", origin="current_job")
    for org, (mid, pid, ids) in partners.items():
        b.colleagues(mid, [pid] + ids, "2001-01-08")

    # exchanges: the rules for passing a file, referring a beneficiary and reporting back -------------------
    freq = "I.B « les échanges avec le délégué à l'insertion seront fréquents et par téléphone »"
    rare = "I.B « plus rares mais donneront lieu à des rencontres relativement longues »"
    how = ("exchanges between the delegate and the AS are documented in both forms; which AS exchanges which way "
           "(here: Le Creusot by phone, Montceau at length) is assumed")
    b.give("cg71-creusot-as-1", "cg71-id", "file_transmission", 6, "phone", 10, I, freq, how)
    b.give("cg71-id", "cg71-creusot-as-1", "feedback", 6, "phone", 10, I, freq, how)
    b.give("cg71-montceau-as-1", "cg71-id", "file_transmission", 0.5, "meeting", 90, I, rare, how)
    b.give("cg71-id", "cg71-montceau-as-1", "feedback", 0.5, "meeting", 90, I, rare, how)
    b.give("cg71-creusot-as-2", "cg71-id", "file_transmission", 4, "phone", 10, A, freq)
    b.give("cg71-montceau-as-2", "cg71-id", "file_transmission", 0.5, "meeting", 120, A, rare)
    rules = "I.B « ils définissent des règles pour la transmission d'un dossier »"
    for org, (mid, pid, _) in partners.items():
        b.give("cg71-id", pid, "referral", 1, "phone", 15, A, rules)
        b.give(pid, "cg71-id", "feedback", 1, "phone", 10, A, rules)
        b.give("plie-facilitator", pid, "information", 1, "email", 5, A, "II « une fonction d'animation »")
    b.give("plie-facilitator", "cg71-id", "information", 1, "email", 5, A, "II « une fonction d'animation »")
    b.give("plie-facilitator", "plie-director", "information", 2, "meeting", 30)
    b.give("cg71-id", "cg71-insertion-manager", "information", 0.5, "meeting", 30)
    for dist in ("creusot", "montceau"):
        b.give(f"cg71-{dist}-as-1", f"cg71-{dist}-head", "information", 0.5, "meeting", 30)
        b.give(f"cg71-{dist}-as-3", f"cg71-{dist}-as-1", "information", 1, "face_to_face", 15)
    for org, (mid, pid, ids) in partners.items():
        b.give(pid, mid, "information", 0.5, "meeting", 20)
        b.give(ids[0], pid, "information", 2, "face_to_face", 10)
    return ds


# ==========================================================================================
# Derived tables: basis counts, assumed structure
def basis_counts(nodes, edges):
    out = {"nodes": {b: 0 for b in BASES}, "edges": {b: 0 for b in BASES}}
    for n in nodes:
        out["nodes"][n["basis"]] += 1
    for e in edges:
        out["edges"][e["basis"]] += 1
    return out


def memberships(nodes, edges):
    """organization id -> sorted member ids (member edges to nodes of kind organization only)."""
    kind = {n["id"]: n["kind"] for n in nodes}
    out = {n["id"]: [] for n in nodes if n["kind"] == "organization"}
    for e in edges:
        if e["relation"] == "member" and kind[e["target"]] == "organization":
            out[e["target"]].append(e["source"])
    return {k: sorted(v) for k, v in out.items()}


def assumed_structure(nodes, edges):
    """Inside each organization: members by basis, participants, and the acquaintance / exchange / hierarchy ties
    among its members (all of them, and the assumed ones), with densities over the member pairs."""
    by_id = {n["id"]: n for n in nodes}
    participants = {e["source"] for e in edges if e["relation"] == "participant"}
    out = {}
    for org, ms in memberships(nodes, edges).items():
        if not ms:
            continue
        mset = set(ms)
        size = len(ms)
        pairs = size * (size - 1) / 2
        entry = {
            "employer": by_id[org].get("employer", "") != "false",
            "members": size,
            "members_by_basis": {b: sum(1 for m in ms if by_id[m]["basis"] == b) for b in BASES},
            "participants": sum(1 for m in ms if m in participants),
        }
        for rel in ("acquaintance", "exchange", "reports_to"):
            inside = [e for e in edges if e["relation"] == rel and e["source"] in mset and e["target"] in mset]
            assumed = [e for e in inside if e["basis"] == A]
            denom = pairs if rel == "acquaintance" else 2 * pairs
            entry[rel] = {"ties": len(inside), "assumed_ties": len(assumed),
                          "density": round(len(inside) / denom, 6) if denom else 0.0,
                          "assumed_density": round(len(assumed) / denom, 6) if denom else 0.0}
        out[org] = entry
    return out


def metadata(name, title, nodes, edges):
    return {
        "name": name,
        "title": title,
        "source": "stylized reconstruction from P. Lyet, « La coopération partenariale : une institution incertaine » "
                  "(shared/seed/000_a39c989a33c85d59.txt); every row's basis and locator say what the article states",
        "licence": "same as the Interstice repository",
        "relations": RELATIONS,
        "organization_kind": "organization",
        "basis": {
            "column": "basis",
            "values": {D: "the article states it (source: locator and a verbatim phrase)",
                       I: "follows from what the article states (note: how)",
                       A: "added here; the article does not give it"},
            "assumed_attributes": ASSUMED_ATTRIBUTES,
            "non_channel_relations": ["member", "participant", "part_of", "agreement", "delegates", "endorses", "uses",
                                      "facilitates", "meeting_of"],
        },
        "assumed_structure": {
            "description": "Inside each organization (kind organization, member edges): its members by basis and "
                           "the ties among them; density = ties / member pairs (acquaintance: n(n-1)/2; exchange "
                           "and reports_to: n(n-1)). A redraw keeps the documented and inferred rows and redraws "
                           "the assumed ones with these sizes and densities.",
            "organizations": assumed_structure(nodes, edges),
        },
    }


# ==========================================================================================
# README
FORMAT_NOTE = """Format: Interstice native dataset (see `Datasets/README.md`). Regenerate and check with
`python3 Datasets/casestudies.py` (`--check` only checks).

Node kinds: `actor`, `organization` (an institution; `employer=false` marks a territorial scheme, which is left out of
the organizations that must institutionalize an invention), `unit` (a local unit of an institution, `part_of` it),
`collective`, `meeting` (the collective's regular sessions, `meeting_of` it, with an assumed `cadence_days`).
Node attributes: `role`, `delegate:bool` (in the collective), `employer:bool`, `org_type`, `joined:date`, `start:date` /
`end:date`, `steering` (how the collective is steered or animated), `cadence_days:int`, `stance` (of a manager),
`basis`, `locator`, `note`.
Edge attributes: `since:date`, `origin` (where an acquaintance comes from), `via` (who passed the trust on),
`kind` (exchange: `file_transmission`, `referral`, `feedback`, `information`), `channel`, `duration_min:int`, `role`
(in the collective), `attendance` (`regular` or `per_file`), `basis`, `locator`, `note`.
Weights: `acquaintance` = trust 1–3; `exchange` = per month; `participant` = share of the sessions attended; others 1.
Relations `part_of`, `agreement`, `delegates`, `endorses`, `uses`, `facilitates` and `meeting_of` join organizations,
units, collectives and meetings: they are never channels between actors.

`basis`: `documented` (the article states it), `inferred` (follows from what it states; `note` says how), `assumed`.
`locator`: the article's locator(s) (`note 3`, `I.B`, `II.A`, …), each with at most a dozen French words quoted verbatim
between « »; `none` when nothing in the article motivates an assumed row. All dates are assumed (the article gives
none), and so are all weights, frequencies, channels and durations (`dataset.json`: `basis.assumed_attributes`)."""


def md_counts_by_basis(name, nodes, edges):
    after = basis_counts(nodes, edges)
    before = BEFORE[name]
    lines = ["| basis | nodes before | edges before | nodes | edges |", "| --- | ---: | ---: | ---: | ---: |"]
    for b in BASES:
        nb = before["nodes"].get(b)
        eb = before["edges"].get(b)
        lines.append(f"| {b} | {'' if nb is None else nb} | {'' if eb is None else eb} | {after['nodes'][b]} | {after['edges'][b]} |")
    lines.append(f"| **total** | **{before['total'][0]}** | **{before['total'][1]}** | **{len(nodes)}** | **{len(edges)}** |")
    return "\n".join(lines)


def md_claims(nodes, edges):
    lines = ["| # | row | basis | source | how (inferred) |", "| ---: | --- | --- | --- | --- |"]
    k = 0
    for n in nodes:
        if n["basis"] in (D, I):
            k += 1
            lines.append(f"| {k} | node `{n['id']}` ({n['kind']}: {n['label']}) | {n['basis']} | {n['locator']} | {n.get('note', '')} |")
    for e in edges:
        if e["basis"] in (D, I):
            k += 1
            lines.append(f"| {k} | `{e['source']}` → `{e['target']}` {e['relation']} | {e['basis']} | {e['locator']} | {e.get('note', '')} |")
    return "\n".join(lines)


def md_organizations(nodes, edges, structure):
    by_id = {n["id"]: n for n in nodes}
    lines = ["| organization | employer | members (documented / inferred / assumed) | in the collective | "
             "acquaintance density (assumed ties) |", "| --- | --- | ---: | ---: | ---: |"]
    for org, ms in memberships(nodes, edges).items():
        s = structure.get(org)
        if s is None:
            lines.append(f"| `{org}` {by_id[org]['label']} | {by_id[org].get('employer', '')} | 0 | 0 | |")
            continue
        mb = s["members_by_basis"]
        lines.append(f"| `{org}` {by_id[org]['label']} | {'true' if s['employer'] else 'false'} | {s['members']} "
                     f"({mb[D]} / {mb[I]} / {mb[A]}) | {s['participants']} | {s['acquaintance']['density']} "
                     f"({s['acquaintance']['assumed_ties']} of {s['acquaintance']['ties']}) |")
    return "\n".join(lines)


def readme(ds, name, title, intro, assumed, not_given):
    nodes, edges = rows_of(ds)
    structure = assumed_structure(nodes, edges)
    participants = sum(1 for e in edges if e["relation"] == "participant")
    return f"""# {title}

{intro}

**Source:** P. Lyet, « La coopération partenariale : une institution incertaine » (after *L'institution incertaine du
partenariat*, L'Harmattan, 2008); the article is `shared/seed/000_a39c989a33c85d59.txt` beside the repository.
**Licence:** written for Interstice; same licence as the repository. **This is a stylized reconstruction**: the
article gives no network, no dates and no names. Labels are roles, never personal names.

{FORMAT_NOTE}

## Counts (asserted by tests)
{ds.counts_markdown()}

Collective participants: {participants}.

### By basis, before (main, two values) and after this rebuild
{md_counts_by_basis(name, nodes, edges)}

## What the article documents or implies, row by row
{md_claims(nodes, edges)}

## What is assumed, and why
{assumed}

## What the article does not give
{not_given}

## Organizations (assumed structure, as declared in `dataset.json`)
{md_organizations(nodes, edges, structure)}
"""


CHALON_ASSUMED = """- **The house's team beyond its director** (three members: site supervisor, animator, family support
  worker): the article says the team took part (note 3), not who is in it or how many.
- **The professionals of the employment service and of the training body** (one each in the équipe): the article names
  the institutions (note 3), not their professionals; so their participation rows are assumed.
- **The insertion delegates' employer** (`cg71`, an assumed `member` row): the article does not say who employs them;
  their manager is assumed too.
- **Everyone outside the équipe** (CCAS officers of other services, AS 4–7 and a secretary at CG71, advisers, trainers)
  and all ties among them, so that an invention has somewhere to go inside each organization; sizes and densities are
  declared in `dataset.json` (`assumed_structure`) so that an analysis can redraw them.
- **Every exchange**: the article documents a cycle of services between the professionals (III.B) and the équipe's
  work, not who gives what to whom, nor how often.
- **All dates** (the équipe's lifespan 2004-09 → 2006-06, `since`, `joined`, the scheme's start), the meeting cadence
  (`cadence_days` = 30), trust weights, frequencies, channels and durations.
- **That the chain of trust came before the équipe**: the dates place it so; the article says AS 1 is « au départ »
  the one through whom trust is tied, which makes it likely, not stated."""

CHALON_NOT_GIVEN = """- How many professionals of each institution took part, and who, beyond the director, AS 1, her two new
  colleagues and the two insertion delegates.
- When the équipe started and ended, how often it met, and who attended which meeting.
- Which exchanges of services took place between whom, how often, through which channel.
- The size and inner structure of each organization; who exactly, in each hierarchy, advised and backed the project
  (« plus ou moins selon les structures employeurs »: the degree varied by employer, how is not said).
- What the territorial scheme was (its name, who ran it) and what it brought."""

CUCM_ASSUMED = """- **The professionals of MIFI, the employment service, CREPI and the training bodies** (one delegate each)
  and the PLIE's facilitator and staff: the article names the institutions and the PLIE's facilitation function, not
  the people.
- **Two referent AS per district** (one per district is inferred); which of them exchange often by phone and which
  rarely at length (here: Le Creusot by phone, Montceau at length): the article documents both forms, not who.
- **The delegate's employer** (`cg71`): the article does not say who employs the insertion delegate.
- **Acquaintance pairs across organizations**: the article gives where acquaintance came from (current or earlier
  jobs, trade unions), not between whom; the four such pairs here are assumed.
- **Attendance**: per-file participants (referent AS) attend a quarter of the sessions (`weight` 0.25); the article
  says the co-animation emerged over time and rotates with each file, not how often an AS comes.
- **Everyone outside the commission** and the ties inside organizations; sizes and densities are declared in
  `dataset.json` (`assumed_structure`).
- **All dates** (the PLIE's start, the commission's lifespan 2005-01 → 2006-12, `since`), the session cadence, weights,
  frequencies, channels and durations."""

CUCM_NOT_GIVEN = """- Who sits on the commission besides the insertion delegate and the referent AS, and how many training
  bodies there are.
- How many insertion delegates there are (the article always says « le délégué à l'insertion », singular) and for
  which district.
- Which institutions signed the PLIE's convention (drawn here as a tie between the PLIE and each institution that
  took part) and what it says beyond being « une coquille vide encore bien fragile ».
- Dates, session cadence, attendance, exchange frequencies and channels; the size and structure of each organization.
- Who in each hierarchy endorsed the procedures, and whether explicitly or by letting it happen."""


# ==========================================================================================
# Reading back and checking
def rows_of(ds):
    """The dataset's rows as dicts (as they will be written)."""
    nodes = []
    for nid, (kind, label, at) in ds.nodes.items():
        row = {"id": nid, "kind": kind, "label": label}
        for a, t in NODE_ATTRS:
            v = at.get(a)
            if v is None or v == "":
                continue
            row[a] = ("true" if v else "false") if t == "bool" else str(v)
        nodes.append(row)
    edges = []
    for s, t, r, w, d, at in ds.edges:
        row = {"source": s, "target": t, "relation": r, "weight": "" if w is None else str(w)}
        for a, _ in EDGE_ATTRS:
            v = at.get(a)
            if v is not None and v != "":
                row[a] = str(v)
        edges.append(row)
    return nodes, edges


def read_folder(folder):
    def table(path):
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = [h.partition(":")[0] for h in rows[0]]
        return header, rows[1:]
    nh, nrows = table(folder / "nodes.csv")
    eh, erows = table(folder / "edges.csv")
    nodes = [{k: v for k, v in zip(nh, r) if v != ""} for r in nrows]
    edges = []
    for r in erows:
        edges.append({k: v for k, v in zip(eh, r) if v != ""})
    meta = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))
    return nodes, edges, meta


def normalize(text):
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").replace("*", "")
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


def parse_source(src):
    """[(locator, quote or None)] or raises ValueError."""
    if src == "none":
        return []
    out = []
    for part in src.split("; "):
        m = PART.match(part.strip())
        if not m:
            raise ValueError(f"cannot read source part {part!r}")
        loc = m.group("loc").strip()
        if not LOCATOR.match(loc):
            raise ValueError(f"unknown locator {loc!r}")
        out.append((loc, m.group("quote")))
    return out


def check_folder(name, folder, seed_text, problems):
    nodes, edges, meta = read_folder(folder)
    where = lambda what: f"{name}: {what}"
    by_id = {n["id"]: n for n in nodes}

    def check_row(desc, row, src):
        basis = row.get("basis")
        if basis not in BASES:
            problems.append(where(f"{desc}: basis {basis!r} is not documented | inferred | assumed"))
            return
        if not src:
            problems.append(where(f"{desc}: no source"))
            return
        try:
            parts = parse_source(src)
        except ValueError as e:
            problems.append(where(f"{desc}: source {src!r}: {e}"))
            return
        if basis in (D, I) and not parts:
            problems.append(where(f"{desc}: {basis} row without a locator"))
        if basis == I and not row.get("note"):
            problems.append(where(f"{desc}: inferred row without a note saying how"))
        for loc, quote in parts:
            if quote is None:
                continue
            if len(quote.split()) > MAX_QUOTE_WORDS:
                problems.append(where(f"{desc}: quote of {len(quote.split())} words (at most {MAX_QUOTE_WORDS}): « {quote} »"))
            if seed_text is not None and normalize(quote) not in seed_text:
                problems.append(where(f"{desc}: quote not in the article: « {quote} »"))

    for n in nodes:
        check_row(f"node {n['id']}", n, n.get("locator"))
    for k, e in enumerate(edges, 2):
        desc = f"edges.csv line {k} ({e['source']} → {e['target']} {e['relation']})"
        check_row(desc, e, e.get("locator"))
        if e.get("basis") in (D, I):
            for end in (e["source"], e["target"]):
                if by_id[end].get("basis") not in (D, I):
                    problems.append(where(f"{desc}: {e['basis']} edge with {by_id[end].get('basis')} endpoint {end}"))
        if e["relation"] == "participant":
            w = float(e.get("weight", "1") or "1")
            if not 0 < w <= 1:
                problems.append(where(f"{desc}: participation share {w} outside (0, 1]"))
            if e.get("attendance") == "per_file" and not w < 1:
                problems.append(where(f"{desc}: per-file attendance with share {w}"))
        if e["relation"] in ("part_of", "agreement", "delegates", "endorses", "uses", "facilitates", "meeting_of"):
            kinds = {by_id[e["source"]]["kind"], by_id[e["target"]]["kind"]}
            if "actor" in kinds:
                problems.append(where(f"{desc}: organization-level relation touching an actor"))

    # CG71: one institution with local units
    cg = by_id.get("cg71")
    if cg is None or cg["kind"] != "organization" or cg.get("label") != CG71_LABEL:
        problems.append(where("no organization `cg71` with the shared label"))
    for n in nodes:
        if n["kind"] == "organization" and n["id"] != "cg71" and n["id"].startswith("cg71"):
            problems.append(where(f"CG71 split: organization {n['id']}"))
        if n["kind"] == "unit":
            parents = [e["target"] for e in edges if e["relation"] == "part_of" and e["source"] == n["id"]]
            if len(parents) != 1 or by_id[parents[0]]["kind"] != "organization":
                problems.append(where(f"unit {n['id']} is not part_of exactly one organization"))
            for e in edges:
                if e["relation"] == "member" and e["target"] == n["id"]:
                    if not any(f["relation"] == "member" and f["source"] == e["source"] and f["target"] == parents[0]
                               for f in edges):
                        problems.append(where(f"{e['source']} is in unit {n['id']} but not in {parents[0]}"))
    # schemes
    schemes = [n["id"] for n in nodes if n["kind"] == "organization" and n.get("employer") == "false"]
    if len(schemes) != 1:
        problems.append(where(f"expected one scheme (employer=false), found {schemes}"))
    for s in schemes:
        if any(e["relation"] == "delegates" and e["source"] == s for e in edges):
            problems.append(where(f"scheme {s} delegates professionals"))
        if not any(e["relation"] == "uses" and e["target"] == s for e in edges):
            problems.append(where(f"no collective uses scheme {s}"))
    # dates assumed
    declared = set(meta.get("basis", {}).get("assumed_attributes", {}).get("nodes", [])) | \
        set(meta.get("basis", {}).get("assumed_attributes", {}).get("edges", []))
    header_n = (folder / "nodes.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    header_e = (folder / "edges.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    for h in header_n + header_e:
        if h.endswith(":date") and h.partition(":")[0] not in declared:
            problems.append(where(f"date column {h} not declared assumed"))
    # declared structure matches the rows
    if meta.get("assumed_structure", {}).get("organizations") != assumed_structure(nodes, edges):
        problems.append(where("dataset.json assumed_structure does not match the rows"))
    # README counts by basis
    text = (folder / "README.md").read_text(encoding="utf-8")
    after = basis_counts(nodes, edges)
    for b in BASES:
        row = [l for l in text.splitlines() if l.startswith(f"| {b} |")]
        if not row or not row[0].rstrip(" |").endswith(f"| {after['nodes'][b]} | {after['edges'][b]}"):
            problems.append(where(f"README count by basis for {b} does not say {after['nodes'][b]} nodes, {after['edges'][b]} edges"))
    return nodes


def check_all():
    problems = []
    seed_text = normalize(SEED.read_text(encoding="utf-8")) if SEED.exists() else None
    if seed_text is None:
        print(f"note: {SEED} not found: quotes are not checked against the article", file=sys.stderr)
    cg71 = []
    for name in ("chalon-sur-saone", "cucm-plie"):
        nodes = check_folder(name, HERE / name, seed_text, problems)
        cg71.append(next((n for n in nodes if n["id"] == "cg71"), None))
    if cg71[0] != cg71[1]:
        problems.append(f"cg71 differs between the datasets: {cg71[0]} vs {cg71[1]}")
    for p in problems:
        print(p, file=sys.stderr)
    return not problems


def main():
    if "--check" not in sys.argv[1:]:
        for name, build, title, intro, assumed, not_given, meta_title in (
                ("chalon-sur-saone", chalon, "chalon-sur-saone: a bottom-up partnership (stylized case study)",
                 "A work-integration site (chantier d'insertion) designed and run in the neighbourhood house of the CCAS of "
                 "Chalon-sur-Saône town centre, with the house's team, the CG71 social service, the public employment service "
                 "and a training body; field professionals started it and then took up a territorial scheme (note 3). Trust "
                 "travelled along a chain of acquaintances from one AS (II.A); the « équipe » met regularly (I.B) under a "
                 "co-steering rule (II.A). Use: does an invention of the équipe reach each institution beyond its "
                 "participants before the équipe ends? Everything beyond the participants is assumed.",
                 CHALON_ASSUMED, CHALON_NOT_GIVEN,
                 "Chalon-sur-Saône work-integration site: a bottom-up partnership (stylized, after P. Lyet)"),
                ("cucm-plie", cucm, "cucm-plie: a top-down partnership (stylized case study)",
                 "The follow-up commission of the PLIE of the urban community Le Creusot–Montceau-les-Mines (CUCM), with the "
                 "CG71 social service in the districts of Le Creusot and Montceau, MIFI, the public employment service, CREPI "
                 "and the sector's training bodies (note 3). The scheme existed before local actors were mobilized; a "
                 "convention binds the institutions (note 7); the PLIE is given a facilitation role (II); co-animation by the "
                 "insertion delegate and the beneficiary's AS emerged and rotates with each file (I.B). Use: compare with "
                 "chalon-sur-saone. Everything beyond the participants is assumed.",
                 CUCM_ASSUMED, CUCM_NOT_GIVEN,
                 "CUCM (Le Creusot / Montceau-les-Mines) PLIE follow-up commission: a top-down partnership (stylized, after P. Lyet)")):
            ds = build()
            nodes, edges = rows_of(ds)
            ds.write(HERE / name, metadata(name, meta_title, nodes, edges), readme(ds, name, title, intro, assumed, not_given))
            print(name)
    ok = check_all()
    print("check: " + ("passed" if ok else "FAILED"), file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
