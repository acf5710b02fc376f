import gzip, json, numpy as np
src = '/work/shared/datasets/snap-soc-Slashdot0902/soc-Slashdot0902.txt.gz'
E = set(); mx = 0
with gzip.open(src, 'rt') as f:
    for line in f:
        if line.startswith('#'): continue
        u, v = map(int, line.split()[:2])
        if u == v: continue
        a, b = min(u, v), max(u, v); E.add((a, b)); mx = max(mx, b)
n = mx + 1
E = sorted(E)
with open('.build/graphs/soc-Slashdot0902.edgelist', 'w') as f:
    for a, b in E: f.write(f"{a} {b}\n")
rng = np.random.default_rng(12345)
json.dump({"name": "soc-Slashdot0902", "n": n, "m": len(E), "directed": False,
           "format": "undirected simple graph of SNAP soc-Slashdot0902 (directions and self-loops dropped)",
           "betweenness_pivots": sorted(rng.choice(n, 256, replace=False).tolist()),
           "diffusion": {"seeds": sorted(rng.choice(n, 10, replace=False).tolist()), "ic_p": 0.05}},
          open('.build/graphs/soc-Slashdot0902.json', 'w'))
print(n, len(E))
