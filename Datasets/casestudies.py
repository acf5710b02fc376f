#!/usr/bin/env python3
"""Write the two stylized case studies of shared/DOMAIN.md (P. Lyet's study of partnership cooperation):

    python3 Datasets/casestudies.py      ->  Datasets/chalon-sur-saone/  Datasets/cucm-plie/

The study gives no complete network: these are stylized reconstructions. Every node and edge carries
`basis` = `documented` (a fact stated in DOMAIN.md, quoted in the README) or `assumed` (added so that the
organizations have a hierarchy and members beyond their delegates). Labels are roles, never personal names.
Deterministic: running it twice gives identical bytes.
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from nativeformat import Dataset  # noqa: E402

D, A = "documented", "assumed"


def new_dataset(name):
    ds = Dataset(name)
    for a, t in [("role", "string"), ("delegate", "bool"), ("basis", "string"), ("unit", "string"),
                 ("joined", "date"), ("start", "date"), ("end", "date"), ("org_type", "string")]:
        ds.node_attr(a, t)
    for a, t in [("since", "date"), ("origin", "string"), ("via", "string"), ("kind", "string"),
                 ("channel", "string"), ("duration_min", "int"), ("role", "string"), ("basis", "string")]:
        ds.edge_attr(a, t)
    return ds


class Builder:
    def __init__(self, ds):
        self.ds = ds

    def org(self, oid, label, org_type, basis, **kw):
        self.ds.add_node(oid, "organization", label, org_type=org_type, basis=basis, **kw)

    def actor(self, aid, label, org, role, basis, delegate=False, manager=None, **kw):
        self.ds.add_node(aid, "actor", label, role=role, delegate=delegate, basis=basis, **kw)
        self.ds.add_edge(aid, org, "member", True, basis=basis)
        if manager:
            self.ds.add_edge(aid, manager, "reports_to", True, basis=A)

    def know(self, a, b, since, weight, origin, basis=A, via=None):
        self.ds.add_edge(a, b, "acquaintance", False, weight=weight, since=since, origin=origin, via=via, basis=basis)

    def give(self, a, b, kind, per_month, channel, minutes, basis=A):
        assert kind in ("file_transmission", "referral", "feedback", "information"), kind
        self.ds.add_edge(a, b, "exchange", True, weight=per_month, kind=kind, channel=channel, duration_min=minutes,
                         basis=basis)

    def takes_part(self, a, coll, since, role, basis):
        self.ds.add_edge(a, coll, "participant", True, since=since, role=role, basis=basis)

    def team(self, ids, since, weight=2, origin="current_job"):
        """Colleagues who know each other: a ring through `ids` (each knows the next)."""
        for i in range(len(ids)):
            a, b = ids[i], ids[(i + 1) % len(ids)]
            if len(ids) == 2 and i == 1:
                break
            self.know(a, b, since, weight, origin)


FORMAT_NOTE = """Format: Interstice native dataset (see `Datasets/README.md`). Regenerate with `python3 Datasets/casestudies.py`.

Node attributes: `role:string`, `delegate:bool` (delegated by its organization to the collective), `basis:string`
(`documented` | `assumed`), `unit:string` (service inside an organization), `joined:date` (arrival in the organization,
for the "new colleagues"), `start:date` / `end:date` (lifespan of the collective; `start` also on a scheme that predates it),
`org_type:string` (organizations).
Edge attributes: `since:date` (acquaintance and participation), `origin:string` (where an acquaintance comes from),
`via:string` (the actor who passed on her trust: id of the introducer), `kind:string` (exchange: `file_transmission`,
`referral`, `feedback`, `information`), `channel:string`, `duration_min:int` (typical length of one exchange),
`role:string` (role in the collective), `basis:string`.
Weights: `acquaintance` = strength of trust, 1 (weak) to 3 (strong); `exchange` = frequency per month; others empty (= 1)."""


def counts_and_roles(ds):
    lines = [ds.counts_markdown(), "", "| basis | nodes | edges |", "| --- | ---: | ---: |"]
    for b in (D, A):
        nn = sum(1 for k, l, at in ds.nodes.values() if at.get("basis") == b)
        ne = sum(1 for e in ds.edges if e[5].get("basis") == b)
        lines.append(f"| {b} | {nn} | {ne} |")
    parts = [e for e in ds.edges if e[2] == "participant"]
    lines += ["", f"Collective participants: {len(parts)}; delegates: "
              f"{sum(1 for k, l, at in ds.nodes.values() if at.get('delegate'))}; non-delegated actors: "
              f"{sum(1 for k, l, at in ds.nodes.values() if k == 'actor' and not at.get('delegate'))}."]
    return "\n".join(lines)


def org_table(ds):
    """Per organization: members, delegates, manager(s)."""
    members = {}
    for s, t, r, w, d, at in ds.edges:
        if r == "member":
            members.setdefault(t, []).append(s)
    reports = {s: t for s, t, r, w, d, at in ds.edges if r == "reports_to"}
    lines = ["| organization | members | delegates | non-delegated (incl. managers) | manager(s) (not delegated, top of `reports_to`) |",
             "| --- | ---: | ---: | ---: | --- |"]
    for oid, (kind, label, at) in ds.nodes.items():
        if kind != "organization":
            continue
        ms = members.get(oid, [])
        dl = [m for m in ms if ds.nodes[m][2].get("delegate")]
        tops = [m for m in ms if m not in reports]
        lines.append(f"| `{oid}` {label} | {len(ms)} | {len(dl)} | {len(ms) - len(dl)} | "
                     f"{', '.join('`' + t + '`' for t in tops)} |")
    return "\n".join(lines)


def actor_table(ds):
    lines = ["| id | label | organization | role | delegate | basis |", "| --- | --- | --- | --- | --- | --- |"]
    org_of = {}
    for s, t, r, w, d, at in ds.edges:
        if r == "member":
            org_of[s] = t
    for nid, (kind, label, at) in ds.nodes.items():
        if kind == "actor":
            lines.append(f"| `{nid}` | {label} | `{org_of[nid]}` | {at['role']} | {'yes' if at.get('delegate') else ''} | {at['basis']} |")
    return "\n".join(lines)


# ==========================================================================================
def chalon():
    ds = new_dataset("chalon-sur-saone")
    b = Builder(ds)
    # organizations ------------------------------------------------------------------------
    b.org("ccas-house", "CCAS neighbourhood house, town centre", "municipal social action centre (CCAS)", D)
    b.org("cg71", "CG71 departmental social service, Chalon", "departmental council (Saône-et-Loire)", D)
    b.org("pes", "Public employment service, Chalon agency", "public employment service", D)
    b.org("training", "Training body", "training body", D)
    b.org("scheme", "Territorial scheme", "territorial scheme", D)
    ds.add_node("equipe", "collective", "Équipe of the work-integration site (chantier d'insertion)",
                role="partnership collective", basis=D, start="2004-09-01", end="2006-06-30")

    # CCAS neighbourhood house -------------------------------------------------------------
    b.actor("ccas-head", "Head of social action, CCAS", "ccas-house", "manager", A)
    b.actor("house-director", "Director, neighbourhood house", "ccas-house", "director", D, delegate=True, manager="ccas-head")
    for aid, label, role in [
        ("house-site-supervisor", "Technical supervisor, work-integration site (CCAS house)", "site supervisor"),
        ("house-animator-1", "Socio-cultural animator 1 (CCAS house)", "animator"),
        ("house-animator-2", "Socio-cultural animator 2 (CCAS house)", "animator"),
        ("house-family-worker", "Family support worker (CCAS house)", "family support worker"),
        ("house-reception", "Reception officer (CCAS house)", "reception officer"),
    ]:
        b.actor(aid, label, "ccas-house", role, A, manager="house-director")

    # CG71 ---------------------------------------------------------------------------------
    b.actor("cg71-head-social", "Head of social service unit (CG71, Chalon)", "cg71", "manager", A, unit="social service")
    b.actor("cg71-insertion-manager", "Insertion manager (CG71, Chalon)", "cg71", "manager", A, unit="insertion")
    b.actor("cg71-as-1", "AS 1 (CG71), knew the house director", "cg71", "social worker (AS)", D, delegate=True,
            manager="cg71-head-social", unit="social service")
    b.actor("cg71-as-2", "AS 2 (CG71, new colleague of AS 1)", "cg71", "social worker (AS)", D, delegate=True,
            manager="cg71-head-social", unit="social service", joined="2004-05-03")
    b.actor("cg71-as-3", "AS 3 (CG71, new colleague of AS 1)", "cg71", "social worker (AS)", D, delegate=True,
            manager="cg71-head-social", unit="social service", joined="2004-06-01")
    b.actor("cg71-id-1", "Insertion delegate 1 (CG71)", "cg71", "insertion delegate", D, delegate=True,
            manager="cg71-insertion-manager", unit="insertion")
    b.actor("cg71-id-2", "Insertion delegate 2 (CG71, new colleague of delegate 1)", "cg71", "insertion delegate", D,
            delegate=True, manager="cg71-insertion-manager", unit="insertion", joined="2004-06-14")
    for i in (4, 5, 6, 7):
        b.actor(f"cg71-as-{i}", f"AS {i} (CG71, Chalon)", "cg71", "social worker (AS)", A, manager="cg71-head-social",
                unit="social service")
    b.actor("cg71-secretary", "Secretary, social service (CG71, Chalon)", "cg71", "secretary", A,
            manager="cg71-head-social", unit="social service")

    # public employment service ------------------------------------------------------------
    b.actor("pes-director", "Agency director (public employment service)", "pes", "manager", A)
    b.actor("pes-adviser-1", "Employment adviser 1 (public employment service)", "pes", "employment adviser", D,
            delegate=True, manager="pes-director")
    for i in (2, 3, 4, 5):
        b.actor(f"pes-adviser-{i}", f"Employment adviser {i} (public employment service)", "pes", "employment adviser", A,
                manager="pes-director")

    # training body ------------------------------------------------------------------------
    b.actor("training-director", "Director, training body", "training", "manager", A)
    b.actor("training-trainer-1", "Trainer 1 (training body)", "training", "trainer", D, delegate=True,
            manager="training-director")
    for i in (2, 3, 4):
        b.actor(f"training-trainer-{i}", f"Trainer {i} (training body)", "training", "trainer", A, manager="training-director")

    # territorial scheme -------------------------------------------------------------------
    b.actor("scheme-coordinator", "Coordinator, territorial scheme", "scheme", "scheme coordinator", A)
    b.actor("scheme-officer", "Project officer, territorial scheme", "scheme", "project officer", A, manager="scheme-coordinator")

    # the équipe ---------------------------------------------------------------------------
    b.takes_part("house-director", "equipe", "2004-09-01", "runs the site", D)
    b.takes_part("cg71-as-1", "equipe", "2004-09-01", "member", D)
    b.takes_part("cg71-as-2", "equipe", "2004-09-01", "member", A)
    b.takes_part("cg71-as-3", "equipe", "2004-09-01", "member", A)
    b.takes_part("cg71-id-1", "equipe", "2004-09-01", "member", D)
    b.takes_part("cg71-id-2", "equipe", "2004-10-04", "member", A)
    b.takes_part("pes-adviser-1", "equipe", "2004-09-01", "member", D)
    b.takes_part("training-trainer-1", "equipe", "2004-09-01", "member", D)

    # the trust chain (documented) ---------------------------------------------------------
    b.know("cg71-as-1", "house-director", "2004-01-15", 3, "work partnership", D)
    b.know("cg71-as-1", "cg71-as-2", "2004-05-03", 2, "current_job", D)
    b.know("cg71-as-1", "cg71-as-3", "2004-06-01", 2, "current_job", D)
    b.know("cg71-as-1", "cg71-id-1", "2002-03-01", 3, "current_job", D)
    b.know("cg71-as-2", "house-director", "2004-06-21", 2, "introduced", D, via="cg71-as-1")
    b.know("cg71-as-3", "house-director", "2004-07-05", 2, "introduced", D, via="cg71-as-1")
    b.know("cg71-id-1", "house-director", "2004-06-28", 2, "introduced", D, via="cg71-as-1")
    b.know("cg71-id-1", "cg71-id-2", "2004-06-14", 2, "current_job", D)
    b.know("cg71-id-2", "house-director", "2004-08-23", 2, "introduced", D, via="cg71-id-1")

    # other acquaintance (assumed) -----------------------------------------------------------
    b.know("cg71-as-2", "cg71-as-3", "2004-06-01", 1, "current_job")
    b.know("house-director", "ccas-head", "2000-09-01", 2, "current_job")
    for aid in ("house-site-supervisor", "house-animator-1", "house-animator-2", "house-family-worker", "house-reception"):
        b.know("house-director", aid, "2002-01-07", 2, "current_job")
    b.know("house-animator-1", "house-animator-2", "2002-01-07", 2, "current_job")
    b.know("house-family-worker", "house-reception", "2002-01-07", 2, "current_job")
    b.know("house-site-supervisor", "house-animator-1", "2003-03-03", 1, "current_job")
    b.team(["cg71-as-1", "cg71-as-4", "cg71-as-5", "cg71-as-6", "cg71-as-7"], "2001-09-03")
    b.know("cg71-as-1", "cg71-secretary", "2001-09-03", 1, "current_job")
    b.know("cg71-as-4", "cg71-secretary", "2001-09-03", 1, "current_job")
    for aid in ("cg71-as-1", "cg71-as-4", "cg71-as-5"):
        b.know("cg71-head-social", aid, "2001-09-03", 1, "current_job")
    b.know("cg71-insertion-manager", "cg71-id-1", "2002-03-01", 2, "current_job")
    b.know("cg71-insertion-manager", "cg71-id-2", "2004-06-14", 1, "current_job")
    b.team(["pes-adviser-1", "pes-adviser-2", "pes-adviser-3", "pes-adviser-4", "pes-adviser-5"], "2002-02-04")
    b.know("pes-director", "pes-adviser-1", "2002-02-04", 1, "current_job")
    b.know("pes-director", "pes-adviser-3", "2002-02-04", 1, "current_job")
    b.team(["training-trainer-1", "training-trainer-2", "training-trainer-3", "training-trainer-4"], "2003-01-06")
    b.know("training-director", "training-trainer-1", "2003-01-06", 2, "current_job")
    b.know("training-director", "training-trainer-2", "2003-01-06", 1, "current_job")
    b.know("scheme-coordinator", "scheme-officer", "2003-01-06", 2, "current_job")
    b.know("pes-adviser-1", "house-director", "2004-03-15", 1, "work partnership")
    b.know("training-trainer-1", "house-director", "2004-04-05", 1, "work partnership")
    b.know("scheme-coordinator", "house-director", "2004-02-02", 1, "work partnership")
    b.know("scheme-coordinator", "cg71-id-1", "2003-05-12", 1, "work partnership")

    # exchanges (assumed; orientations documented as the équipe's business) ---------------
    for aid, f in (("cg71-as-1", 2), ("cg71-as-2", 1), ("cg71-as-3", 1)):
        b.give(aid, "house-director", "referral", f, "phone", 15)
    b.give("cg71-id-1", "house-director", "referral", 1.5, "meeting", 30)
    b.give("cg71-id-2", "house-director", "referral", 0.5, "meeting", 30)
    b.give("pes-adviser-1", "house-director", "referral", 1, "phone", 10)
    b.give("house-director", "training-trainer-1", "referral", 1, "meeting", 60)
    b.give("training-trainer-1", "house-director", "feedback", 1, "meeting", 60)
    b.give("house-director", "cg71-as-1", "feedback", 2, "phone", 10)
    b.give("house-director", "cg71-as-2", "feedback", 1, "phone", 10)
    b.give("house-director", "cg71-as-3", "feedback", 1, "phone", 10)
    b.give("house-director", "cg71-id-1", "feedback", 1, "meeting", 30)
    b.give("house-director", "pes-adviser-1", "feedback", 0.5, "mail", 5)
    b.give("house-director", "scheme-coordinator", "file_transmission", 0.25, "mail", 20)
    b.give("scheme-coordinator", "house-director", "information", 0.5, "meeting", 90)
    b.give("cg71-id-1", "cg71-as-1", "file_transmission", 1, "meeting", 30)
    b.give("cg71-as-1", "cg71-as-2", "information", 4, "face_to_face", 15)
    b.give("cg71-as-1", "cg71-as-3", "information", 4, "face_to_face", 15)
    b.give("cg71-id-1", "cg71-id-2", "information", 4, "face_to_face", 15)
    # reporting to the hierarchy: backed "more or less"
    b.give("house-director", "ccas-head", "information", 1, "meeting", 45)
    b.give("cg71-as-1", "cg71-head-social", "information", 0.5, "meeting", 30)
    b.give("cg71-id-1", "cg71-insertion-manager", "information", 1, "meeting", 30)
    b.give("pes-adviser-1", "pes-director", "information", 0.25, "meeting", 20)
    b.give("training-trainer-1", "training-director", "information", 1, "meeting", 30)
    # everyday work inside the organizations
    b.give("house-director", "house-site-supervisor", "information", 8, "face_to_face", 10)
    b.give("house-site-supervisor", "house-director", "feedback", 4, "face_to_face", 15)
    b.give("house-animator-1", "house-director", "information", 4, "face_to_face", 10)
    b.give("cg71-as-4", "cg71-as-1", "information", 2, "face_to_face", 20)
    b.give("cg71-as-1", "cg71-as-4", "information", 2, "face_to_face", 20)
    b.give("cg71-as-5", "cg71-as-6", "information", 2, "face_to_face", 20)
    b.give("cg71-head-social", "cg71-as-5", "information", 1, "meeting", 60)
    b.give("pes-adviser-2", "pes-adviser-1", "information", 2, "face_to_face", 10)
    b.give("training-trainer-2", "training-trainer-1", "information", 2, "face_to_face", 10)

    facts = [
        ("A work-integration site (chantier d'insertion) designed and run inside the neighbourhood house of the municipal social action centre (CCAS) of the town centre",
         "organization `ccas-house`; its director `house-director` runs the site and takes part in `equipe` (role \"runs the site\")", D),
        ("… with the departmental council's social service (CG71), the public employment service and a training body",
         "organizations `cg71`, `pes`, `training`, each delegating one or more actors to `equipe`", D),
        ("Field professionals started it (bottom-up, endogenous)", "the collective is made of field professionals only; no manager takes part in `equipe`", D),
        ("… backed more or less by their hierarchies", "one `reports_to` manager per organization; `exchange` (information) from each delegate to her manager with unequal frequency (0.25–1 per month)", "documented fact, assumed figures"),
        ("… then used a territorial scheme", "organization `scheme` (coordinator + officer) exchanging information and reports with the director; not a participant", "documented fact, assumed shape"),
        ("One social worker had known the house's director for months", "`cg71-as-1` — `house-director` acquaintance since 2004-01-15 (8 months before the équipe starts), weight 3", "documented fact, assumed date"),
        ("she passed her trust in him to her two new colleagues", "`cg71-as-2`, `cg71-as-3` (attribute `joined` 2004-05/06) know `cg71-as-1`, and know the director `via` = `cg71-as-1`", "documented fact, assumed dates"),
        ("… and to the insertion delegate", "`cg71-id-1` — `house-director` with `via` = `cg71-as-1`", D),
        ("who in turn convinced her own new colleague", "`cg71-id-2` (joined 2004-06-14) — `house-director` with `via` = `cg71-id-1`", D),
        ("All those acquaintances predate the collective", "every `since` of the trust chain is before `equipe`'s start (2004-09-01)", D),
        ("The \"équipe\" met regularly to validate orientations", "collective `equipe`; `referral` exchanges to the director, `feedback` back to the AS and delegates", "documented fact, assumed figures"),
        ("Insertion delegates employed by CG71", "`cg71-id-1`, `cg71-id-2` are members of `cg71`, unit \"insertion\" (the study says \"the insertion delegate\" without naming her employer)", A),
        ("AS 2, AS 3 and delegate 2 take part in the équipe", "`participant` edges with basis `assumed` (implied by the chain of trust, not stated)", A),
        ("Managers and non-delegated colleagues", "`ccas-head`, `cg71-head-social`, `cg71-insertion-manager`, `pes-director`, `training-director`; 5 house staff, AS 4–7 and a secretary, 4 advisers, 3 trainers — ties mostly inside their organization", A),
        ("Dates (lifespan 2004-09-01 → 2006-06-30, all `since`, `joined`)", "chosen to be consistent with the story; the study's period is not in DOMAIN.md", A),
        ("Weights, frequencies, channels, durations", "all illustrative", A),
    ]
    return ds, facts


# ==========================================================================================
def cucm():
    ds = new_dataset("cucm-plie")
    b = Builder(ds)
    b.org("plie", "PLIE of the urban community Le Creusot–Montceau (CUCM)", "territorial scheme (local plan for integration and employment)", D,
          start="1996-01-01")
    b.org("cg71-creusot", "CG71 social service, district Le Creusot", "departmental council (Saône-et-Loire)", D)
    b.org("cg71-montceau", "CG71 social service, district Montceau-les-Mines", "departmental council (Saône-et-Loire)", D)
    b.org("mifi", "MIFI, the community's information/training/integration house", "urban community service", D)
    b.org("pes", "Public employment service, Le Creusot–Montceau", "public employment service", D)
    b.org("crepi", "CREPI employers' club for integration", "employers' club", D)
    b.org("training-a", "Training body A", "training body", D)
    b.org("training-b", "Training body B", "training body", D)
    ds.add_node("commission", "collective", "Follow-up commission of the PLIE", role="partnership collective", basis=D,
                start="2005-01-10", end="2006-12-15")

    # PLIE ---------------------------------------------------------------------------------
    b.actor("plie-director", "Director, PLIE", "plie", "manager", A)
    b.actor("plie-facilitator", "Commission facilitator (PLIE)", "plie", "scheme facilitator", A, delegate=True, manager="plie-director")
    b.actor("plie-referent-1", "Follow-up referent 1 (PLIE)", "plie", "follow-up referent", A, delegate=True, manager="plie-director")
    for i in (2, 3):
        b.actor(f"plie-referent-{i}", f"Follow-up referent {i} (PLIE)", "plie", "follow-up referent", A, manager="plie-director")
    b.actor("plie-placement", "Job placement officer (PLIE)", "plie", "placement officer", A, manager="plie-director")
    b.actor("plie-assistant", "Administrative assistant (PLIE)", "plie", "assistant", A, manager="plie-director")

    # CG71, two districts --------------------------------------------------------------------
    for dist, name, first in (("creusot", "Le Creusot", 1), ("montceau", "Montceau", 6)):
        org = f"cg71-{dist}"
        head = f"{org}-head"
        b.actor(head, f"Head of district social service (CG71, district {name})", org, "manager", A, unit="social service")
        b.actor(f"{org}-id", f"Insertion delegate (CG71, district {name})", org, "insertion delegate", D, delegate=True,
                manager=head, unit="insertion")
        for i in range(first, first + 5):
            deleg = i < first + 2
            b.actor(f"cg71-as-{i}", f"AS {i} (CG71, district {name})", org, "social worker (AS)", D if deleg else A,
                    delegate=deleg, manager=head, unit="social service")
        b.actor(f"{org}-secretary", f"Secretary (CG71, district {name})", org, "secretary", A, manager=head, unit="social service")

    # MIFI, employment service, CREPI, training bodies ------------------------------------------
    def small_org(org, director, dlabel, delegate, dl_label, drole, colleagues, basis_deleg=D):
        b.actor(director, dlabel, org, "manager", A)
        b.actor(delegate, dl_label, org, drole, basis_deleg, delegate=True, manager=director)
        for cid, clabel, crole in colleagues:
            b.actor(cid, clabel, org, crole, A, manager=director)

    small_org("mifi", "mifi-director", "Director, MIFI", "mifi-adviser-1", "Integration adviser 1 (MIFI)", "integration adviser",
              [("mifi-adviser-2", "Integration adviser 2 (MIFI)", "integration adviser"),
               ("mifi-info-officer", "Information officer (MIFI)", "information officer"),
               ("mifi-training-officer", "Training officer (MIFI)", "training officer")])
    small_org("pes", "pes-director", "Agency director (public employment service)", "pes-adviser-1",
              "Employment adviser 1 (public employment service)", "employment adviser",
              [(f"pes-adviser-{i}", f"Employment adviser {i} (public employment service)", "employment adviser") for i in (2, 3, 4)])
    small_org("crepi", "crepi-director", "Director, CREPI", "crepi-liaison", "Business liaison officer (CREPI)", "business liaison officer",
              [("crepi-employer-1", "Member employer 1 (CREPI)", "member employer"),
               ("crepi-employer-2", "Member employer 2 (CREPI)", "member employer"),
               ("crepi-assistant", "Assistant (CREPI)", "assistant")])
    small_org("training-a", "training-a-director", "Director, training body A", "training-a-trainer-1", "Trainer 1 (training body A)", "trainer",
              [(f"training-a-trainer-{i}", f"Trainer {i} (training body A)", "trainer") for i in (2, 3, 4)])
    small_org("training-b", "training-b-director", "Director, training body B", "training-b-trainer-1", "Trainer 1 (training body B)", "trainer",
              [(f"training-b-trainer-{i}", f"Trainer {i} (training body B)", "trainer") for i in (2, 3, 4)])

    # the follow-up commission ------------------------------------------------------------
    for aid in ("cg71-creusot-id", "cg71-montceau-id"):
        b.takes_part(aid, "commission", "2005-01-10", "co-lead (rotating with the beneficiary's AS)", D)
    for aid in ("cg71-as-1", "cg71-as-2", "cg71-as-6", "cg71-as-7"):
        b.takes_part(aid, "commission", "2005-01-10", "co-lead for her beneficiaries' files", D)
    b.takes_part("plie-facilitator", "commission", "2005-01-10", "secretary", A)
    b.takes_part("plie-referent-1", "commission", "2005-01-10", "member", A)
    for aid in ("mifi-adviser-1", "pes-adviser-1", "crepi-liaison", "training-a-trainer-1", "training-b-trainer-1"):
        b.takes_part(aid, "commission", "2005-03-07", "member", A)

    # acquaintance from current or earlier jobs and trade unions ------------------------------
    b.know("cg71-as-2", "mifi-adviser-1", "1998-09-01", 3, "earlier_job", D)
    b.know("cg71-montceau-id", "pes-adviser-1", "1999-05-01", 2, "trade_union", D)
    b.know("cg71-as-6", "crepi-liaison", "2001-10-01", 2, "trade_union", D)
    b.know("cg71-creusot-id", "plie-referent-1", "2000-02-01", 2, "earlier_job", D)
    b.know("cg71-as-1", "cg71-creusot-id", "2002-09-02", 3, "current_job", D)
    b.know("cg71-as-6", "cg71-montceau-id", "2003-01-06", 2, "current_job", D)
    b.know("cg71-as-7", "cg71-montceau-id", "2003-01-06", 1, "current_job", D)
    b.know("cg71-as-2", "cg71-creusot-id", "2002-09-02", 2, "current_job", D)
    b.know("cg71-creusot-id", "cg71-montceau-id", "2001-04-02", 2, "current_job")
    b.know("training-a-trainer-1", "plie-referent-1", "2003-09-01", 1, "earlier_job")
    b.know("plie-facilitator", "mifi-adviser-1", "2002-01-07", 2, "current_job")  # both employed around the community
    # inside the organizations (assumed)
    b.team(["plie-director", "plie-facilitator", "plie-referent-1", "plie-referent-2", "plie-referent-3", "plie-placement", "plie-assistant"], "2000-01-03")
    b.know("plie-referent-1", "plie-referent-3", "2000-01-03", 1, "current_job")
    for dist, first in (("creusot", 1), ("montceau", 6)):
        org = f"cg71-{dist}"
        ring = [f"{org}-head"] + [f"cg71-as-{i}" for i in range(first, first + 5)] + [f"{org}-secretary"]
        b.team(ring, "2001-09-03")
        b.know(f"{org}-head", f"{org}-id", "2001-09-03", 2, "current_job")
    b.team(["mifi-director", "mifi-adviser-1", "mifi-adviser-2", "mifi-info-officer", "mifi-training-officer"], "2001-01-08")
    b.team(["pes-director", "pes-adviser-1", "pes-adviser-2", "pes-adviser-3", "pes-adviser-4"], "2000-06-05")
    b.team(["crepi-director", "crepi-liaison", "crepi-employer-1", "crepi-employer-2", "crepi-assistant"], "2002-03-04")
    b.team(["training-a-director", "training-a-trainer-1", "training-a-trainer-2", "training-a-trainer-3", "training-a-trainer-4"], "2001-09-03")
    b.team(["training-b-director", "training-b-trainer-1", "training-b-trainer-2", "training-b-trainer-3", "training-b-trainer-4"], "2002-09-02")

    # exchanges: rules for passing a file, referring a beneficiary, reporting back ----------------
    # frequent and by phone (documented: "some social workers exchange often and by phone")
    b.give("cg71-as-1", "cg71-creusot-id", "file_transmission", 6, "phone", 10, D)
    b.give("cg71-creusot-id", "cg71-as-1", "feedback", 6, "phone", 10, D)
    b.give("cg71-as-2", "cg71-creusot-id", "file_transmission", 4, "phone", 10, D)
    b.give("cg71-creusot-id", "cg71-as-2", "feedback", 3, "phone", 10, D)
    # rare but long (documented: "others rarely but at length")
    b.give("cg71-as-6", "cg71-montceau-id", "file_transmission", 0.5, "meeting", 90, D)
    b.give("cg71-montceau-id", "cg71-as-6", "feedback", 0.5, "meeting", 90, D)
    b.give("cg71-as-7", "cg71-montceau-id", "file_transmission", 0.5, "meeting", 120, D)
    b.give("cg71-montceau-id", "cg71-as-7", "feedback", 0.25, "meeting", 60, D)
    # the PLIE circuit (documented kinds, assumed figures)
    for did in ("cg71-creusot-id", "cg71-montceau-id"):
        b.give(did, "plie-referent-1", "file_transmission", 2, "mail", 20, D)
    b.give("plie-referent-1", "training-a-trainer-1", "referral", 1.5, "phone", 15, D)
    b.give("plie-referent-1", "training-b-trainer-1", "referral", 1, "phone", 15, D)
    b.give("plie-referent-1", "crepi-liaison", "referral", 1, "phone", 15, D)
    b.give("plie-referent-1", "mifi-adviser-1", "referral", 1, "phone", 15, D)
    b.give("pes-adviser-1", "plie-referent-1", "referral", 2, "phone", 10, D)
    b.give("training-a-trainer-1", "plie-referent-1", "feedback", 1, "mail", 10, D)
    b.give("training-b-trainer-1", "plie-referent-1", "feedback", 0.5, "mail", 10, D)
    b.give("crepi-liaison", "plie-referent-1", "feedback", 1, "phone", 10, D)
    b.give("mifi-adviser-1", "plie-referent-1", "feedback", 1, "phone", 10, D)
    b.give("plie-referent-1", "cg71-creusot-id", "feedback", 1, "mail", 10, D)
    b.give("plie-referent-1", "cg71-montceau-id", "feedback", 1, "mail", 10, D)
    for pid in ("cg71-creusot-id", "cg71-montceau-id", "mifi-adviser-1", "pes-adviser-1", "crepi-liaison",
                "training-a-trainer-1", "training-b-trainer-1"):
        b.give("plie-facilitator", pid, "information", 1, "email", 5, D)
    b.give("cg71-as-2", "mifi-adviser-1", "information", 1, "phone", 20)
    b.give("cg71-montceau-id", "pes-adviser-1", "information", 0.5, "phone", 15)
    # top-down: the scheme informs the hierarchies, delegates report up
    for mid in ("cg71-creusot-head", "cg71-montceau-head", "mifi-director", "pes-director", "crepi-director",
                "training-a-director", "training-b-director"):
        b.give("plie-director", mid, "information", 0.25, "mail", 10)
    b.give("plie-facilitator", "plie-director", "information", 2, "meeting", 30)
    b.give("cg71-creusot-id", "cg71-creusot-head", "information", 0.5, "meeting", 30)
    b.give("cg71-montceau-id", "cg71-montceau-head", "information", 0.5, "meeting", 30)
    b.give("pes-adviser-1", "pes-director", "information", 0.5, "meeting", 20)
    b.give("crepi-liaison", "crepi-director", "information", 1, "meeting", 30)
    # inside the organizations
    b.give("cg71-as-3", "cg71-as-1", "information", 2, "face_to_face", 15)
    b.give("cg71-as-8", "cg71-as-6", "information", 1, "face_to_face", 15)
    b.give("plie-referent-2", "plie-referent-1", "information", 3, "face_to_face", 10)
    b.give("plie-referent-1", "plie-placement", "referral", 1, "face_to_face", 10)
    b.give("mifi-adviser-2", "mifi-adviser-1", "information", 2, "face_to_face", 10)
    b.give("pes-adviser-2", "pes-adviser-1", "information", 2, "face_to_face", 10)
    b.give("crepi-employer-1", "crepi-liaison", "information", 1, "phone", 15)
    b.give("training-a-trainer-2", "training-a-trainer-1", "information", 2, "face_to_face", 10)

    facts = [
        ("Follow-up of beneficiaries in the urban community's local plan for integration and employment (PLIE)",
         "organization `plie` (director, commission facilitator, 3 follow-up referents, placement officer, assistant)", "documented organization, assumed staff"),
        ("The scheme existed before local actors were mobilized (top-down, exogenous)",
         "`plie` has `start` 1996-01-01, nine years before `commission` starts (2005-01-10); the PLIE director informs every partner's hierarchy (`exchange` information)", "documented fact, assumed dates"),
        ("… with the CG71 social service in two districts", "organizations `cg71-creusot`, `cg71-montceau` (district names assumed from \"Le Creusot / Montceau-les-Mines\")", D),
        ("… the community's information/training/integration house (MIFI)", "organization `mifi`", D),
        ("… the public employment service", "organization `pes`", D),
        ("… an employers' club for integration (CREPI)", "organization `crepi`", D),
        ("… and training bodies", "organizations `training-a`, `training-b` (two: the study says \"bodies\")", D),
        ("A follow-up commission reviews cases", "collective `commission` (lifespan 2005-01-10 → 2006-12-15, assumed)", "documented fact, assumed dates"),
        ("… co-led by the insertion delegate and the beneficiary's social worker, the lead changing with each file",
         "`participant` role \"co-lead (rotating …)\" for the two insertion delegates and \"co-lead for her beneficiaries' files\" for AS 1, 2, 6, 7", D),
        ("partners set rules for passing a file, referring a beneficiary and reporting back",
         "`exchange` edges with `kind` = `file_transmission` (AS → delegate → PLIE referent), `referral` (referent → training, CREPI, MIFI; employment service → referent), `feedback` (back along the chain), `information` (facilitator → partners)", "documented kinds, assumed figures"),
        ("Some social workers exchange often and by phone", "AS 1, AS 2 ↔ insertion delegate Le Creusot: 3–6 per month, `channel` phone, 10 min", "documented fact, assumed figures"),
        ("… others rarely but at length", "AS 6, AS 7 ↔ insertion delegate Montceau: 0.25–0.5 per month, meeting, 60–120 min", "documented fact, assumed figures"),
        ("Acquaintance came from current or earlier jobs", "`origin` = `current_job` / `earlier_job` (AS 2 – MIFI adviser; delegate Le Creusot – PLIE referent 1)", "documented fact, assumed pairs"),
        ("… and from other commitments (trade unions)", "`origin` = `trade_union` (delegate Montceau – employment adviser 1; AS 6 – CREPI liaison officer)", "documented fact, assumed pairs"),
        ("Insertion delegates employed by CG71, one per district", "`cg71-creusot-id`, `cg71-montceau-id`, unit \"insertion\" (employer not stated in the study)", A),
        ("Which partners sit on the commission", "PLIE facilitator (secretary) and referent 1; one delegate each from MIFI, the employment service, CREPI and both training bodies (from 2005-03-07)", A),
        ("Managers and non-delegated colleagues", "one manager per organization; AS 3–5 and 8–10, secretaries, referents 2–3, advisers, trainers, member employers — ties mostly inside their organization", A),
        ("Dates, weights, frequencies, channels, durations", "illustrative", A),
    ]
    return ds, facts


def check(ds):
    """No duplicate acquaintance pair or exchange (giver, receiver, kind); acquaintances of participants predate nothing odd."""
    seen = set()
    for s, t, r, w, d, at in ds.edges:
        if r == "acquaintance":
            key = (r, min(s, t), max(s, t))
        elif r == "exchange":
            key = (r, s, t, at["kind"])
        else:
            key = (r, s, t)
        assert key not in seen, key
        assert s != t, (s, t)
        seen.add(key)
    coll = [nid for nid, (k, l, at) in ds.nodes.items() if k == "collective"]
    start = ds.nodes[coll[0]][2]["start"]
    for s, t, r, w, d, at in ds.edges:
        if r == "acquaintance" and at.get("via"):
            assert at["since"] < start, (s, t)
    # every organization's members are connected by acquaintance ties among themselves, so that an invention
    # can travel from the delegates to the non-delegated colleagues without leaving the organization
    members = {}
    for s, t, r, w, d, at in ds.edges:
        if r == "member":
            members.setdefault(t, set()).add(s)
    for org, ms in members.items():
        adj = {m: set() for m in ms}
        for s, t, r, w, d, at in ds.edges:
            if r == "acquaintance" and s in ms and t in ms:
                adj[s].add(t)
                adj[t].add(s)
        start_node = sorted(ms)[0]
        seen_nodes, stack = {start_node}, [start_node]
        while stack:
            for v in adj[stack.pop()]:
                if v not in seen_nodes:
                    seen_nodes.add(v)
                    stack.append(v)
        assert seen_nodes == ms, (org, ms - seen_nodes)
    for nid, (k, l, at) in ds.nodes.items():
        if k == "actor":
            assert ("participant" in {r for s, t, r, w, d, a in ds.edges if s == nid}) == bool(at.get("delegate")), nid


def readme(ds, title, intro, facts, source_lines):
    fact_lines = ["| # | the study (shared/DOMAIN.md) | in this dataset | status |", "| ---: | --- | --- | --- |"]
    for i, (fact, here, status) in enumerate(facts, 1):
        fact_lines.append(f"| {i} | {fact} | {here} | {status} |")
    return f"""# {title}

{intro}

**Source:** P. Lyet, "La coopération partenariale : une institution incertaine", after *L'institution incertaine du
partenariat* (L'Harmattan, 2008), as summarized in the project's `shared/DOMAIN.md`. {source_lines}
**Licence:** written for Interstice; same licence as the repository. **This is a stylized reconstruction**: the study
gives no complete network. Column `basis` on every node and edge says whether that element is `documented` (stated in
the study as summarized in DOMAIN.md) or `assumed` (added here). Labels are roles, never personal names.

{FORMAT_NOTE}

## Counts (asserted by tests)
{counts_and_roles(ds)}

## Documented vs assumed, line by line
{chr(10).join(fact_lines)}

## Organizations
{org_table(ds)}

## Actors
{actor_table(ds)}
"""


def main():
    ds, facts = chalon()
    check(ds)
    ds.write(HERE / "chalon-sur-saone", {
        "name": "chalon-sur-saone",
        "title": "Chalon-sur-Saône work-integration site: a bottom-up partnership (stylized, after P. Lyet)",
        "source": "stylized reconstruction from P. Lyet's study as summarized in shared/DOMAIN.md; see README.md for documented vs assumed",
        "licence": "same as the Interstice repository",
        "relations": {
            "member": "actor → organization that employs her",
            "participant": "actor → the équipe (partnership collective)",
            "reports_to": "actor → her manager",
            "acquaintance": "knowing each other (interconnaissance); weight = trust 1–3, since = date, via = who passed the trust on",
            "exchange": "giver → receiver of a service (referral, file transmission, feedback, information); weight = per month",
        },
        "organization_kind": "organization",
    }, None)
    text = readme(ds, "chalon-sur-saone: a bottom-up partnership (stylized case study)",
                  "A work-integration site run in the neighbourhood house of Chalon-sur-Saône's CCAS with the departmental social "
                  "service (CG71), the public employment service and a training body. Field professionals started it; trust "
                  "travelled along a chain of acquaintances that predates the collective (the \"équipe\"). Use: does an invention of "
                  "the équipe reach each organization beyond its delegates before the équipe ends?", facts,
                  "Case \"Chalon-sur-Saône (bottom-up, endogenous)\".")
    (HERE / "chalon-sur-saone" / "README.md").write_bytes(text.encode("utf-8"))

    ds, facts = cucm()
    check(ds)
    ds.write(HERE / "cucm-plie", {
        "name": "cucm-plie",
        "title": "CUCM (Le Creusot / Montceau-les-Mines) PLIE follow-up commission: a top-down partnership (stylized, after P. Lyet)",
        "source": "stylized reconstruction from P. Lyet's study as summarized in shared/DOMAIN.md; see README.md for documented vs assumed",
        "licence": "same as the Interstice repository",
        "relations": {
            "member": "actor → organization that employs her",
            "participant": "actor → the follow-up commission (partnership collective)",
            "reports_to": "actor → her manager",
            "acquaintance": "knowing each other; weight = trust 1–3, since = date, origin = current_job | earlier_job | trade_union",
            "exchange": "giver → receiver of a service (file_transmission, referral, feedback, information); weight = per month, channel, duration_min",
        },
        "organization_kind": "organization",
    }, None)
    text = readme(ds, "cucm-plie: a top-down partnership (stylized case study)",
                  "The follow-up commission of the PLIE of the urban community Le Creusot–Montceau-les-Mines (CUCM), with the CG71 "
                  "social service in two districts, MIFI, the public employment service, the employers' club CREPI and two training "
                  "bodies. The scheme existed before the local actors were mobilized. Use: compare with chalon-sur-saone (bottom-up).",
                  facts, "Case \"CUCM, Le Creusot / Montceau-les-Mines (top-down, exogenous)\".")
    (HERE / "cucm-plie" / "README.md").write_bytes(text.encode("utf-8"))
    for name in ("chalon-sur-saone", "cucm-plie"):
        print(name)


if __name__ == "__main__":
    main()
