#!/usr/bin/env python3
"""Oracle for Interstice's network-exposure analysis on medInnovations.

Reads Datasets/medInnovations/{nodes,edges}.csv and computes, straight from the definitions
of Valente (1995, "Network Models of the Diffusion of Innovations") and Valente (1996,
"Social network thresholds in the diffusion of innovations") as netdiffuseR implements them
(exposure(), threshold(), classify_adopters()), for several relation sets and options:

- exposure E_i(t) = sum_j w_ij [t_j <= t] / sum_j w_ij over the alters j of i (the physicians
  i names, by default), for every month t from the first to the last adoption;
- the threshold tau_i = E_i(t_i - lag), undefined for non-adopters, physicians without alters,
  t_i - lag before the first month, and (unless censored adopters are included) adopters of
  the first month;
- adopter categories (mean +- sd of the adopters' months, R's findInterval) and threshold
  classes (mean +- sd of the defined thresholds);
- the number of adopters with an alter who adopted in an earlier month, and the same count
  for K permutations of adoption months among the physicians (within towns for the stratified
  test), each shuffled by Fisher-Yates with SplitMix64(seed, stream k) exactly as Interstice
  draws them, so that the whole null distribution can be compared;
- cumulative adoption per organization (hospitals and towns, from the member edges) and per
  city attribute.

toa = 18 codes "never adopted" (the study covered months 1-17); organizations are not in the
population. No R is available on the machine and no R-free port of netdiffuseR exists on PyPI,
so this script is the oracle. Pure Python (no numpy needed). Writes exposure_oracle.json beside
itself. Run: python3 Tests/Fixtures/exposure/make_exposure_oracle.py
"""
import csv
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DATA = os.path.join(ROOT, "Datasets", "medInnovations")
NEVER = 18
TIES = ["advice", "discussion", "friendship"]

M64 = (1 << 64) - 1


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


class SplitMix64:
    """Steele, Lea and Flood (2014); stream seeding and Lemire's bounded draw as GraphCore."""

    def __init__(self, seed, stream):
        self.state = mix((seed + mix((stream + 0x632BE59BD9B4E019) & M64)) & M64)

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & M64
        return mix(self.state)

    def below(self, bound):
        m = self.next() * bound
        if (m & M64) < bound:
            t = ((1 << 64) - bound) % bound
            while (m & M64) < t:
                m = self.next() * bound
        return m >> 64


def read():
    with open(os.path.join(DATA, "nodes.csv"), newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(DATA, "edges.csv"), newline="") as f:
        edges = list(csv.DictReader(f))
    return nodes, edges


def cutoffs(values):
    """mean and sample sd (R's sd), summed left to right; None when < 2 values or no spread."""
    if len(values) < 2:
        return None
    s = 0.0
    for x in values:
        s += x
    m = s / len(values)
    ss = 0.0
    for x in values:
        ss += (x - m) * (x - m)
    sd = math.sqrt(ss / (len(values) - 1))
    if not sd > 0:
        return None
    return {"mean": m, "sd": sd, "count": len(values)}


def find_interval(x, c):
    """R's findInterval(x, c(m - s, m, m + s)): left-closed intervals."""
    cuts = [c["mean"] - c["sd"], c["mean"], c["mean"] + c["sd"]]
    k = 0
    for b in cuts:
        if x >= b:
            k += 1
    return k


def main():
    nodes, edges = read()
    index = {r["id"]: i for i, r in enumerate(nodes)}
    actors = [i for i, r in enumerate(nodes) if r["kind"] == "actor"]
    in_pop = [r["kind"] == "actor" for r in nodes]
    n = len(nodes)
    toa = [None] * n
    for i in actors:
        t = int(nodes[i]["toa:int"])
        toa[i] = None if t == NEVER else t
    adopted = [toa[i] for i in actors if toa[i] is not None]
    t0, t1 = min(adopted), max(adopted)
    periods = list(range(t0, t1 + 1))

    # Adopter categories (relation-free).
    tcut = cutoffs([float(toa[i]) for i in actors if toa[i] is not None])
    cat_names = ["early adopter", "early majority", "late majority", "laggard"]
    categories = []
    for i in actors:
        categories.append("non-adopter" if toa[i] is None else cat_names[find_interval(float(toa[i]), tcut)])

    def weights(relations, weighted, direction):
        """W[i] = {j: w_ij} over population alters j != i."""
        arcs = {}
        for e in edges:
            if e["relation"] not in relations:
                continue
            u, v = index[e["source"]], index[e["target"]]
            w = float(e["weight"]) if e["weight"] else 1.0
            pairs = {"outgoing": [(u, v)], "incoming": [(v, u)], "both": [(u, v), (v, u)]}[direction]
            for a, b in pairs:
                if a == b or not in_pop[a] or not in_pop[b]:
                    continue
                arcs.setdefault(a, {})
                arcs[a][b] = arcs[a].get(b, 0.0) + w
        if not weighted:
            arcs = {a: {b: 1.0 for b in d} for a, d in arcs.items()}
        return arcs

    def exposed_count(W, times):
        c = 0
        for i in actors:
            if times[i] is None:
                continue
            if any(times[j] is not None and times[j] < times[i] for j in W.get(i, {})):
                c += 1
        return c

    def permutation_counts(W, k_count, seed, strata):
        values = [toa[i] for i in actors]
        if strata is None:
            groups = [list(range(len(actors)))]
        else:
            labels = sorted(set(strata(i) for i in actors))
            groups = [[x for x, i in enumerate(actors) if strata(i) == lab] for lab in labels]
        out = []
        for k in range(k_count):
            rng = SplitMix64(seed, k)
            sh = list(values)
            for g in groups:
                i = len(g) - 1
                while i > 0:
                    j = rng.below(i + 1)
                    sh[g[i]], sh[g[j]] = sh[g[j]], sh[g[i]]
                    i -= 1
            times = [None] * n
            for x, v in enumerate(actors):
                times[v] = sh[x]
            out.append(exposed_count(W, times))
        return out

    def config(name, relations, weighted=False, direction="outgoing", lag=0, include_censored=False,
               permutations=99, seed=7, strata=None, strata_name=None):
        W = weights(relations, weighted, direction)
        exposure, alters, before, threshold = [], [], [], []
        for i in actors:
            alt = W.get(i, {})
            total = sum(alt.values())
            alters.append(len(alt))
            ti = toa[i]
            before.append(sum(1 for j in alt if toa[j] is not None and (ti is None or toa[j] < ti)))
            if total == 0:
                exposure.append(None)
            else:
                row = []
                for t in periods:
                    num = sum(w for j, w in alt.items() if toa[j] is not None and toa[j] <= t)
                    row.append(num / total)
                exposure.append(row)
            thr = None
            if ti is not None and total > 0 and ti - lag >= t0 and (include_censored or ti != t0):
                thr = exposure[-1][ti - lag - t0]
            threshold.append(thr)
        defined = [x for x in threshold if x is not None]
        thcut = cutoffs(defined)
        cls_names = ["very low", "low", "high", "very high"]
        classes = [None if x is None or thcut is None else cls_names[find_interval(x, thcut)] for x in threshold]
        adopters = sum(1 for i in actors if toa[i] is not None)
        with_alters = sum(1 for i in actors if toa[i] is not None and W.get(i))
        observed = exposed_count(W, toa)
        counts = permutation_counts(W, permutations, seed, strata)
        mean = sum(counts) / len(counts) / adopters
        ss = 0.0
        for c in counts:
            d = c / adopters - mean
            ss += d * d
        sd = math.sqrt(ss / (len(counts) - 1))
        p = (1 + sum(1 for c in counts if c >= observed)) / (len(counts) + 1)
        return {
            "name": name, "relations": relations, "weighted": weighted, "direction": direction, "lag": lag,
            "include_censored": include_censored, "permutations": permutations, "seed": seed,
            "strata": strata_name,
            "alters": alters, "adopting_alters_before": before, "exposure": exposure, "threshold": threshold,
            "mean_threshold": sum(defined) / len(defined) if defined else None,
            "threshold_cutoffs": thcut, "threshold_class": classes,
            "adopters": adopters, "adopters_with_alters": with_alters, "exposed": observed,
            "share": observed / adopters, "permutation_counts": counts, "permutation_mean": mean,
            "permutation_sd": sd, "p_value": p,
        }

    city = lambda i: int(nodes[i]["city:int"])
    configs = [config(r, [r], permutations=999) for r in TIES]
    configs.append(config("all", TIES, permutations=999))
    configs.append(config("all-within-city", TIES, permutations=999, strata=city, strata_name="city"))
    configs.append(config("all-lag1", TIES, lag=1))
    configs.append(config("all-censored", TIES, include_censored=True))
    configs.append(config("all-weighted", TIES, weighted=True))
    configs.append(config("all-incoming", TIES, direction="incoming"))
    configs.append(config("all-both-weighted", TIES, weighted=True, direction="both"))
    configs.append(config("advice-friendship-lag2", ["advice", "friendship"], lag=2, seed=11))

    # Cumulative adoption per organization (member edges) and per city.
    orgs = [i for i, r in enumerate(nodes) if r["kind"] == "organization"]
    members = {o: set() for o in orgs}
    for e in edges:
        if e["relation"] == "member":
            members[index[e["target"]]].add(index[e["source"]])

    def curve(name, group):
        pop = [i for i in group if in_pop[i]]
        return {"name": name, "members": len(pop),
                "adopters": [sum(1 for i in pop if toa[i] is not None and toa[i] <= t) for t in periods]}

    by_org = [curve(nodes[o]["id"], members[o]) for o in orgs]
    by_city = [curve(str(c), [i for i in actors if city(i) == c]) for c in sorted(set(city(i) for i in actors))]

    out = {
        "source": "Datasets/medInnovations (netdiffuseR medInnovations); toa 18 = never adopted",
        "generator": "Tests/Fixtures/exposure/make_exposure_oracle.py",
        "periods": [t0, t1],
        "ids": [nodes[i]["id"] for i in actors],
        "toa": [toa[i] for i in actors],
        "time_cutoffs": tcut,
        "adopter_category": categories,
        "configs": configs,
        "curves_by_organization": by_org,
        "curves_by_city": by_city,
    }
    with open(os.path.join(HERE, "exposure_oracle.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    for c in configs:
        print(f"{c['name']:26s} exposed {c['exposed']}/{c['adopters']} = {c['share']:.3f}  "
              f"perm mean {c['permutation_mean']:.3f} sd {c['permutation_sd']:.3f}  p = {c['p_value']:.4f}  "
              f"mean threshold {c['mean_threshold']:.3f} ({sum(x is not None for x in c['threshold'])})")


if __name__ == "__main__":
    main()
