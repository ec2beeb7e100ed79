#!/usr/bin/env python3
"""The accuracy table of BENCHMARKS.md and `ops::reduce`, from the output of
`cargo test --release --test reduce_accuracy -- --nocapture` (stdin).

Each row is an op and dtype; each column the largest relative error over a group of cases,
tensor's then NumPy's: the issue's data (10^7 elements), random data in [0, 1) whole
(10^3 to 10^8 elements), random data centred on 0 whole, and every per-axis case.
"""
import re, sys
from collections import defaultdict

line = re.compile(r'^"(\w+)" "(\w+)" \[([\d,]+)\] (\w+) (\w+) ddof=(\d): tensor ([\d.e+-]+), NumPy ([\d.e+-]+)$')
worst = defaultdict(lambda: [0.0, 0.0])
for l in sys.stdin:
    m = line.match(l.strip())
    if not m:
        continue
    data, dtype, shape, axis, op, ddof, ours, numpy = m.groups()
    n = 1
    for d in shape.split(","):
        n *= int(d)
    if op in ("var", "std"):
        op = f"{op} (ddof {ddof})"
    dt = "f32" if dtype == "float32" else "f64"
    if axis != "null":
        col = "per axis"
    elif data == "issue":
        col = "issue 10^7" if n == 10**7 else None
    else:
        col = f"{data} whole"
    if col is None:
        continue
    w = worst[(op, dt, col)]
    w[0] = max(w[0], float(ours))
    w[1] = max(w[1], float(numpy))
cols = ["issue 10^7", "uniform whole", "centred whole", "per axis"]
ops = ["sum", "mean", "var (ddof 0)", "var (ddof 1)", "std (ddof 0)", "std (ddof 1)", "norm"]
print("| op | dtype | " + " | ".join(f"{c}: tensor / NumPy" for c in cols) + " |")
print("|---|---|" + "---|" * len(cols))
for op in ops:
    for dt in ("f32", "f64"):
        cells = []
        for c in cols:
            if (op, dt, c) in worst:
                t, n = worst[(op, dt, c)]
                cells.append(f"{t:.1e} / {n:.1e}")
            else:
                cells.append("")
        print(f"| `{op}` | {dt} | " + " | ".join(cells) + " |")
