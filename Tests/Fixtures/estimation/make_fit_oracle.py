#!/usr/bin/env python3
"""Oracle for `AdoptionFit` (issue 15): person-period rows built here independently from the
dataset CSVs, the hazard model fitted by statsmodels' Logit (Newton, model and cluster-robust
standard errors), the contagion model by scipy's L-BFGS-B with profile-likelihood intervals by
brentq. Writes fit_oracle.json beside this script. Run from the repository root:

    pip install statsmodels scipy
    python3 Tests/Fixtures/estimation/make_fit_oracle.py
"""
import csv, json, math, os, sys
import numpy as np
import statsmodels.api as sm
import statsmodels
import scipy
from scipy.optimize import minimize, brentq

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
NEVER = 10**18


def load(name, attr, never, covariates=(), by=None):
    folder = os.path.join(ROOT, "Datasets", name)
    nodes = list(csv.DictReader(open(os.path.join(folder, "nodes.csv"), encoding="utf-8")))
    col = lambda base: next(c for c in nodes[0] if c.split(":")[0] == base)
    ids = [r["id"] for r in nodes]
    pop = [r["kind"] not in ("organization", "collective") for r in nodes]
    times = []
    for r in nodes:
        v = r[col(attr)]
        t = NEVER if v == "" or int(v) == never else int(v)
        times.append(t)
    cov = {c: [float(r[col(c)]) if r[col(c)] != "" else None for r in nodes] for c in covariates}
    groups = None
    if by is not None:
        raw = [r[col(by)] for r in nodes]
        names = sorted({x for x in raw if x != ""}, key=lambda s: (float(s), s))
        groups = ([names.index(x) if x != "" else -1 for x in raw], names)
    edges = list(csv.DictReader(open(os.path.join(folder, "edges.csv"), encoding="utf-8")))
    index = {v: i for i, v in enumerate(ids)}
    arcs = {}
    for e in edges:
        arcs.setdefault(e["relation"], set()).add((index[e["source"]], index[e["target"]]))
    return dict(n=len(ids), ids=ids, pop=pop, times=times, cov=cov, groups=groups, arcs=arcs)


def alters_of(d, relation):
    """Influence flows from the named alter to ego: ego's alters are its out-neighbours."""
    out = [set() for _ in range(d["n"])]
    for (u, v) in d["arcs"][relation]:
        if u != v and d["pop"][u] and d["pop"][v]:
            out[u].add(v)
    return out


def person_periods(d, relations, window):
    alters = [alters_of(d, r) for r in relations]
    lo, hi = window
    rows = []
    for i in range(d["n"]):
        if not d["pop"][i] or d["times"][i] < lo:
            continue
        for t in range(lo, min(d["times"][i], hi) + 1):
            counts = [sum(1 for j in a[i] if d["times"][j] < t) for a in alters]
            shares = [c / len(a[i]) if a[i] else 0.0 for c, a in zip(counts, alters)]
            rows.append(dict(node=i, t=t, y=1.0 if t == d["times"][i] else 0.0, counts=counts, shares=shares))
    return rows


def hazard(d, relations, window, covariates=(), by=None):
    rows = person_periods(d, relations, window)
    g = d["groups"][0] if by else None
    keep = [True] * len(rows)
    notes = []
    while True:
        changed = False
        for key, label in ([("t", "period")] + ([("g", by)] if by else [])):
            cells = {}
            for k, r in enumerate(rows):
                if keep[k]:
                    c = r["t"] if key == "t" else g[r["node"]]
                    n, e = cells.get(c, (0, 0))
                    cells[c] = (n + 1, e + r["y"])
            for c, (n, e) in sorted(cells.items()):
                if e == 0 or e == n:
                    notes.append((label, c))
                    changed = True
                    for k, r in enumerate(rows):
                        if (r["t"] if key == "t" else g[r["node"]]) == c:
                            keep[k] = False
        if not changed:
            break
    rows = [r for k, r in enumerate(rows) if keep[k]]
    periods = sorted({r["t"] for r in rows})
    names = ["intercept"] + ["exposure:" + r for r in relations] + ["period:%d" % t for t in periods[1:]] + list(covariates)
    gs = []
    if by:
        gs = sorted({g[r["node"]] for r in rows})
        names += ["%s:%s" % (by, d["groups"][1][x]) for x in gs[1:]]
    X, y, cl = [], [], []
    for r in rows:
        x = [1.0] + r["shares"] + [1.0 if r["t"] == t else 0.0 for t in periods[1:]] + [d["cov"][c][r["node"]] for c in covariates]
        if by:
            x += [1.0 if g[r["node"]] == x_ else 0.0 for x_ in gs[1:]]
        X.append(x); y.append(r["y"]); cl.append(r["node"])
    X, y = np.array(X), np.array(y)
    model = sm.Logit(y, X)
    f = model.fit(method="newton", maxiter=200, tol=1e-14, disp=False)
    fc = model.fit(method="newton", maxiter=200, tol=1e-14, disp=False, cov_type="cluster", cov_kwds={"groups": np.array(cl)})
    ci = f.conf_int(0.05)
    return dict(names=names, rows=len(rows), events=int(y.sum()), nodes=len(set(cl)),
                estimate=list(f.params), se=list(f.bse), robust_se=list(fc.bse), p_value=list(f.pvalues),
                ci_low=list(ci[:, 0]), ci_high=list(ci[:, 1]), log_likelihood=f.llf, aic=f.aic,
                dropped=[list(map(str, n)) for n in notes],
                column_sums=list(X.sum(axis=0)))


def contagion(d, relations, window):
    rows = person_periods(d, relations, window)
    X = np.array([[1.0] + [float(c) for c in r["counts"]] for r in rows])
    y = np.array([r["y"] for r in rows])
    ev, zs = X[y == 1], X[y == 0].sum(axis=0)
    k = X.shape[1]

    def nll(th):
        eta = ev @ th
        if np.any(eta <= 0):
            return 1e300
        return -(np.sum(np.log(-np.expm1(-eta))) - zs @ th)

    def grad(th):
        eta = np.maximum(ev @ th, 1e-300)
        return -(ev.T @ (1 / np.expm1(eta)) - zs)

    def fit(fixed=None, value=None, start=None):
        th0 = np.array(start if start is not None else [0.05] + [0.01] * (k - 1))
        bounds = [(1e-12 if j == 0 else 0.0, 40.0) for j in range(k)]
        if fixed is not None:
            bounds[fixed] = (value, value); th0[fixed] = value
        r = minimize(nll, th0, jac=grad, method="L-BFGS-B", bounds=bounds,
                     options=dict(ftol=1e-16, gtol=1e-12, maxiter=20000, maxcor=30))
        return r.x, -r.fun

    th, ll = fit()
    target = ll - 3.841458820694124 / 2
    low, high = [], []
    for j in range(k):
        prof = lambda v: fit(j, v, th)[1] - target
        lo = 0.0 if th[j] <= 1e-9 or prof(0.0) >= 0 else brentq(prof, 0.0, th[j], xtol=1e-12)
        v = th[j] + max(0.05, th[j])
        while prof(v) >= 0 and v < 40:
            v = min(40.0, th[j] + 2 * (v - th[j]))
        hi = brentq(prof, th[j], v, xtol=1e-12) if prof(v) < 0 else 40.0
        low.append(lo); high.append(hi)
    q = lambda x: -math.expm1(-x)
    return dict(names=["outside"] + list(relations), rows=len(rows), events=int(y.sum()), log_likelihood=ll,
                theta=list(th), estimate=[q(x) for x in th], ci_low=[q(x) for x in low], ci_high=[q(x) for x in high])


def hand():
    # 8 nodes, two relations (arcs ego → named alter), adoption in periods 1..4, node 7 never.
    ids = [str(i) for i in range(8)]
    times = [1, 2, 2, 3, 4, 3, 4, NEVER]
    arcs = {"a": {(1, 0), (2, 0), (3, 1), (4, 3), (5, 2), (6, 5), (7, 6), (3, 2), (4, 0)},
            "b": {(2, 1), (3, 0), (5, 4), (6, 3), (7, 0), (0, 7), (4, 6)}}
    return dict(n=8, ids=ids, pop=[True] * 8, times=times, cov={"x": [0.5, -1, 2, 0, 1, -0.5, 0.25, 1.5]},
                groups=None, arcs=arcs)


def main():
    out = dict(generated_by="make_fit_oracle.py", statsmodels=statsmodels.__version__, scipy=scipy.__version__,
               numpy=np.__version__, configs=[])
    h = hand()
    out["hand"] = dict(times=[t if t != NEVER else None for t in h["times"]],
                       arcs={r: sorted(map(list, a)) for r, a in h["arcs"].items()}, x=h["cov"]["x"])
    out["configs"].append(dict(name="hand-contagion", dataset=None, model="contagion", relations=["a", "b"], window=[1, 4],
                               **contagion(h, ["a", "b"], (1, 4))))
    med = load("medInnovations", "toa", 18, covariates=("nojourn", "special"), by="city")
    rel3 = ["advice", "discussion", "friendship"]
    out["configs"].append(dict(name="med-hazard", dataset="medInnovations", model="hazard", never=18, relations=rel3,
                               covariates=[], by=None, window=[1, 17], **hazard(med, rel3, (1, 17))))
    out["configs"].append(dict(name="med-hazard-covariates-city", dataset="medInnovations", model="hazard", never=18, relations=rel3,
                               covariates=["nojourn", "special"], by="city", window=[1, 17],
                               **hazard(med, rel3, (1, 17), ("nojourn", "special"), "city")))
    out["configs"].append(dict(name="med-contagion", dataset="medInnovations", model="contagion", never=18, relations=rel3,
                               window=[1, 17], **contagion(med, rel3, (1, 17))))
    kf = load("kfamily", "toa", None, by="village")
    relk = ["fp_talk", "fp_advice", "neighbour"]
    out["configs"].append(dict(name="kfamily-hazard-village", dataset="kfamily", model="hazard", never=None, relations=relk,
                               covariates=[], by="village", window=[1, 11], **hazard(kf, relk, (1, 11), (), "village")))
    br = load("brfarmers", "toa", None, by="village")
    relb = ["friendship", "influential"]
    out["configs"].append(dict(name="brfarmers-hazard", dataset="brfarmers", model="hazard", never=None, relations=relb,
                               covariates=[], by=None, window=[1, 20], **hazard(br, relb, (1, 20))))
    json.dump(out, open(os.path.join(HERE, "fit_oracle.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
