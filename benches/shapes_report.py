#!/usr/bin/env python3
"""The shape-grid tables of BENCHMARKS.md from criterion's output: `cargo bench --bench
shapes_matmul` (per shape and element type, tensor's median time and each peer's median over
tensor's; above 1: tensor is faster), or, with `--ops`, `cargo bench --bench shapes_ops` (per op
and shape, tensor's and the plain loop's median times and their ratio).

Usage: python3 benches/shapes_report.py [--ops]   (reads $CARGO_TARGET_DIR/criterion, default
target/criterion)"""
import json
import math
import os
import sys

root = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "criterion")
peers = ["loop", "nalgebra", "faer"]


def median(group, bench, shape):
    path = os.path.join(root, group, bench, shape, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"]
    except FileNotFoundError:
        return None


def fmt(ns):
    if ns < 1e3:
        return f"{ns:.1f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns / 1e6:.2f} ms"


if "--ops" in sys.argv[1:]:
    # Groups `{op}_{dtype}_{RxC}`, each with a `tensor` and a `loop` bench.
    print("| op | dtype | shape | tensor | loop | loop / tensor |")
    print("|---|---|---|---|---|---|")
    rows = []
    for d in os.listdir(root):
        parts = d.rsplit("_", 2)
        if len(parts) != 3 or parts[1] not in ("f32", "f64"):
            continue
        op, t, shape = parts
        param = f"{t}_{shape}"
        tt, lt = median(d, "tensor", param), median(d, "loop", param)
        if tt is None or lt is None:
            continue
        dims = [int(x) for x in shape.split("x")]
        rows.append((math.prod(dims), dims, t, op, shape, tt, lt))
    for _, _, t, op, shape, tt, lt in sorted(rows):
        print(f"| `{op}` | {t} | ({shape.replace('x', ', ')}) | {fmt(tt)} | {fmt(lt)} | {lt / tt:.2f} |")
    sys.exit(0)

print("| product | dtype | tensor | vs loop | vs nalgebra | vs faer |")
print("|---|---|---|---|---|---|")
for t in ["f32", "f64"]:
    dirs = sorted(
        (d for d in os.listdir(root) if d.startswith(f"shapes_matmul_{t}_")),
        key=lambda d: [int(x) for x in d.split("_")[-1].split("x")],
    )
    for d in dirs:
        shape = d.split("_")[-1]
        tt = median(d, "tensor", shape)
        if tt is None:
            continue
        r, k, n = shape.split("x")
        cells = []
        for p in peers:
            pt = median(d, p, shape)
            cells.append(f"{pt / tt:.2f}x" if pt else "")
        print(f"| ({r},{k}) @ ({k},{n}) | {t} | {fmt(tt)} | " + " | ".join(cells) + " |")
sys.exit(0)
