#!/usr/bin/env python3
"""The shape-grid table of BENCHMARKS.md from criterion's output of `cargo bench --bench
shapes_matmul`: per shape and element type, tensor's median time and each peer's median over
tensor's (above 1: tensor is faster)."""
import json
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
