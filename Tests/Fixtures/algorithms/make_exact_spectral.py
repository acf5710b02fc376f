#!/usr/bin/env python3
"""Exact PageRank, eigenvector, Katz and HITS values for the GraphAlgorithms tests of the
relative stopping rule (every score within 1e-10 of the exact fixed point), computed with numpy's
dense solvers (not power iteration), written to exact-spectral.json beside this script.

Run from anywhere:  python3 Tests/Fixtures/algorithms/make_exact_spectral.py
(numpy 1.26 / networkx 3.6.1 made the committed file).

Definitions match networkx: PageRank with alpha = 0.85, uniform teleport and dangling nodes
spread uniformly, weighted by the edge weights when the graph has them (networkx's default
weight="weight"); eigenvector = left principal eigenvector of A (in-arcs), unit Euclidean norm,
unweighted (networkx's eigenvector_centrality_numpy with weight=None); Katz = solution of
x = alpha A^T x + 1, unit norm, unweighted, with alpha = min(0.1, 0.5 / lambda_max); HITS hubs =
principal eigenvector of A A^T, authorities = A^T hubs, each summing to 1, weighted. A measure
is written only when its principal eigenvalue is simple (otherwise the exact vector is not
unique and power iteration's answer depends on the start): the gap to the next eigenvalue's
modulus must exceed 1e-6 relative.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = ["kite", "hand-directed", "hand-disconnected", "hand-weighted", "krack-advice", "krack-friendship",
          "lazega-advice", "lazega-friendship", "davis-women", "davis-events", "random-directed",
          "random-weighted", "email-eu-core"]


def load(name):
    with open(os.path.join(HERE, name + ".edges")) as f:
        head = f.readline().split()
        n, directed, weighted = int(head[2]), head[3] == "directed", head[4] == "weighted"
        A = np.zeros((n, n))
        W = np.zeros((n, n))
        for line in f:
            p = line.split()
            if not p:
                continue
            u, v = int(p[0]), int(p[1])
            w = float(p[2]) if weighted else 1.0
            A[u, v] += 1.0
            W[u, v] += w
            if not directed:
                A[v, u] += 1.0
                W[v, u] += w
    return n, directed, weighted, A, W


def principal(M):
    """Principal eigenpair of a non-negative matrix and whether it is simple."""
    vals, vecs = np.linalg.eig(M)
    order = np.argsort(-np.abs(vals))
    lam = vals[order[0]].real
    simple = len(vals) < 2 or abs(vals[order[0]]) - abs(vals[order[1]]) > 1e-6 * max(1.0, abs(lam))
    x = np.abs(vecs[:, order[0]].real)
    return lam, x, simple


def pagerank(A, alpha=0.85):
    n = A.shape[0]
    out = A.sum(axis=1)
    P = np.zeros((n, n))
    for u in range(n):
        P[u] = A[u] / out[u] if out[u] > 0 else 1.0 / n
    # x = alpha x P + (1 - alpha) / n  <=>  (I - alpha P^T) x = (1 - alpha)/n
    x = np.linalg.solve(np.eye(n) - alpha * P.T, np.full(n, (1 - alpha) / n))
    return x / x.sum()


def main():
    out = {}
    for name in GRAPHS:
        n, directed, weighted, A, W = load(name)
        rec = {"n": n, "pagerank": pagerank(W if weighted else A).tolist()}
        lam, x, simple = principal(A.T)
        if simple and lam > 0:
            rec["eigenvector"] = (x / np.linalg.norm(x)).tolist()
        if lam > 0:
            alpha = min(0.1, 0.5 / lam)
            k = np.linalg.solve(np.eye(n) - alpha * A.T, np.ones(n))
            rec["katz_alpha"] = alpha
            rec["katz"] = (k / np.linalg.norm(k)).tolist()
        M = W if weighted else A
        lh, h, hs = principal(M @ M.T)
        if hs and lh > 0:
            a = M.T @ h
            rec["hub"] = (h / h.sum()).tolist()
            rec["authority"] = (a / a.sum()).tolist()
        out[name] = rec
    with open(os.path.join(HERE, "exact-spectral.json"), "w") as f:
        json.dump(out, f, indent=0)
        f.write("\n")


if __name__ == "__main__":
    main()
