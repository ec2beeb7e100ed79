#!/usr/bin/env python3
"""Peer time / tensor time for every criterion group of one or more `cargo bench` logs.

Reads criterion's standard output (the lines `<group>/<function>/<param>  time: [lo med hi]`),
and prints, per group, tensor's median and each peer's median over tensor's (above 1: tensor
is faster), one column per log. Used for the small linear algebra and `f64` math tables of
BENCHMARKS.md:

    cargo bench -p tensor-bench --bench small_linalg > run1.log   # (three times, per build)
    python3 benches/ratio_report.py run1.log run2.log run3.log
"""

import re
import sys

UNITS = {"ps": 1e-3, "ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
TIME = re.compile(r"time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]")


def parse(path):
    """{group: {function: median ns}} from one log."""
    out, name = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        head = line.split("time:")[0].strip()
        if head and "/" in head and not head.startswith(("Benchmarking", "Found", "change")):
            name = head.split()[0]
        m = TIME.search(line)
        if m and name:
            parts = name.split("/")
            group, function = "/".join(parts[:2]), parts[2]
            out.setdefault(group, {})[function] = float(m.group(1)) * UNITS[m.group(2)]
            name = None
    return out


def fmt(ns):
    return f"{ns:.1f} ns" if ns < 1e3 else f"{ns / 1e3:.2f} µs" if ns < 1e6 else f"{ns / 1e6:.2f} ms"


def main(paths):
    runs = [parse(p) for p in paths]
    groups = list(runs[0])
    peers = sorted({f for r in runs for g in r.values() for f in g if f != "tensor"})
    print("| case | " + " | ".join(f"run {i + 1}: tensor, " + ", ".join(f"vs {p}" for p in peers)
                                   for i in range(len(runs))) + " |")
    print("|---|" + "---|" * len(runs))
    for g in groups:
        cells = []
        for r in runs:
            fs = r.get(g, {})
            t = fs.get("tensor")
            if t is None:
                cells.append("-")
                continue
            ratios = [f"{fs[p] / t:.2f}x" if p in fs else "" for p in peers]
            cells.append(f"{fmt(t)}, " + ", ".join(x for x in ratios if x))
        print(f"| {g} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
