#!/usr/bin/env python3
"""NumPy's float64 sums of lanes of 16 to 128 elements (tests/reduce_pairwise.rs).

NumPy sums such a contiguous lane in one block of its pairwise summation: 8 running sums started
from the first 8 elements, combined as ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), the last
n % 8 added in order. The library sums these lanes in the same order, so its results are these
bit for bit. The values span 16 decades with both signs, so the order shows in the last bits
(the script checks that NumPy's result differs from the correctly rounded sum in many cases).

Usage: python3 gen_pairwise.py [OUT_DIR] [SEED]   (writes OUT_DIR/pairwise.json, default: this folder)

{"numpy": version, "seed": s, "cases": [{"shape": [r, n], "flat": [...], "sum_axis1": [...],
"sum": x}]}: every float is its IEEE-754 bits as 16 hex digits, so the values survive JSON exactly.
"""
import json, math, os, sys
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261205
rng = np.random.default_rng(seed)

# The shapes of tests/reduce_pairwise.rs: lanes of 16 to 128 elements, each length's tail
# (n % 8) represented; whole tensors of 16 to 128 elements.
SHAPES = [(3, 16), (2, 17), (4, 23), (2, 31), (5, 64), (1, 100), (3, 127), (2, 128), (2, 8), (4, 32), (3, 40)]


def bits(x):
    return format(np.float64(x).view(np.uint64), "016x")


cases = []
differ = 0
for r, n in SHAPES:
    a = rng.standard_normal((r, n)) * 10.0 ** rng.integers(-8, 8, (r, n))
    rows = a.sum(axis=1)
    whole = a.sum()
    differ += sum(rows[i] != math.fsum(a[i]) for i in range(r))
    cases.append({
        "shape": [r, n],
        "flat": [bits(x) for x in a.ravel()],
        "sum_axis1": [bits(x) for x in rows],
        "sum": bits(whole),
    })
assert differ >= 5, f"only {differ} row sums differ from the correctly rounded ones"
with open(os.path.join(out, "pairwise.json"), "w") as f:
    json.dump({"numpy": np.__version__, "seed": seed, "cases": cases}, f, indent=0)
    f.write("\n")
print(f"{len(cases)} cases, {differ} row sums differ from the correctly rounded sum")
