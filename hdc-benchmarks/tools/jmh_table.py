#!/usr/bin/env python3
"""Markdown table of two JMH JSON result files (e.g. JDK 17 and JDK 25 runs of the HDC benchmarks).

Usage: python3 hdc-benchmarks/tools/jmh_table.py jdk17.json jdk25.json

"best iter" is the best single measurement iteration (highest ops/s, lowest time/op) from the
raw data: on a shared machine it is the closest estimate of an uncontended core, while
"mean +- err" (JMH's 99.9% interval) shows what the run actually got.
"""
import json, sys
def load(p):
    out = {}
    for r in json.load(open(p)):
        name = r['benchmark'].split('.')[-2] + '.' + r['benchmark'].split('.')[-1]
        params = r.get('params', {})
        key = (name, params.get('bits', ''), params.get('n', ''))
        m = r['primaryMetric']
        raw = [x for fork in m['rawData'] for x in fork]
        best = max(raw) if r['mode'] == 'thrpt' else min(raw)
        out[key] = (m['score'], m['scoreError'], best, m['scoreUnit'], r['mode'])
    return out
a = load(sys.argv[1]); b = load(sys.argv[2])
def f(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"
print("| benchmark | bits | JDK 17 mean ± err | JDK 17 best iter | JDK 25 mean ± err | JDK 25 best iter | unit |")
print("|---|---|---|---|---|---|---|")
for k in sorted(a):
    s, e, best, u, mode = a[k]
    s2, e2, best2, _, _ = b.get(k, (0, 0, 0, u, mode))
    print(f"| {k[0]} | {k[1]} | {f(s)} ± {f(e)} | {f(best)} | {f(s2)} ± {f(e2)} | {f(best2)} | {u} |")
