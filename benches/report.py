#!/usr/bin/env python3
"""Tabulates the criterion results of `cargo bench -p tensor-bench` (target/criterion/*/*/*/new/estimates.json)
as Markdown: for every group, each implementation's median time, its speed relative to
`tensor` (>1: tensor is faster), and for matmul GFLOP/s and the percentage of one core's peak.

Usage: python3 benches/report.py [--peak-f32 GFLOPS] [--peak-f64 GFLOPS]
"""
import argparse
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"


def median_ns(path):
    return json.loads(path.read_text())["median"]["point_estimate"]


def groups():
    out = {}
    for est in ROOT.glob("*/*/*/new/estimates.json"):
        group, impl, param = est.parts[-5], est.parts[-4], est.parts[-3]
        out.setdefault(group, {})[impl] = (int(param), median_ns(est))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peak-f32", type=float, default=83.07)
    ap.add_argument("--peak-f64", type=float, default=41.54)
    args = ap.parse_args()
    g = groups()

    def key(name):
        m = re.match(r"(.*)_(\d+)$", name)
        return (m.group(1), int(m.group(2))) if m else (name, 0)

    mm = sorted((k for k in g if k.startswith("matmul")), key=key)
    if mm:
        peers = ["nalgebra", "glam", "ndarray", "faer", "naive"]
        print("| product | tensor | GFLOP/s | % peak | " + " | ".join(f"vs {p}" for p in peers) + " |")
        print("|---|---|---|---|" + "---|" * len(peers))
        for name in mm:
            impls = g[name]
            if "tensor" not in impls:
                continue
            n, t = impls["tensor"]
            flops = 2 * n**3
            gf = flops / t
            peak = args.peak_f32 if "f32" in name else args.peak_f64
            cells = []
            for p in peers:
                cells.append(f"{impls[p][1] / t:.2f}x" if p in impls else "")
            print(f"| {name.replace('_', ' ')} | {fmt_time(t)} | {gf:.1f} | {100 * gf / peak:.0f}% | " + " | ".join(cells) + " |")
        print()
    ew = sorted((k for k in g if not k.startswith("matmul")), key=key)
    if ew:
        print("| op / length | tensor | scalar loop | tensor speed-up | tensor Gelem/s |")
        print("|---|---|---|---|---|")
        for name in ew:
            impls = g[name]
            if "tensor" not in impls or "scalar loop" not in impls:
                continue
            n, t = impls["tensor"]
            s = impls["scalar loop"][1]
            print(f"| {name.replace('_', ' ')} | {fmt_time(t)} | {fmt_time(s)} | {s / t:.2f}x | {n / t:.2f} |")


def fmt_time(ns):
    if ns < 1e3:
        return f"{ns:.1f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns / 1e6:.2f} ms"


if __name__ == "__main__":
    main()
