#!/usr/bin/env python3
"""NumPy's sums, means, variances and standard deviations of lanes of at most 128 elements, in
float32 and float64 (tests/reduce_numpy.rs).

The library reduces such lanes as NumPy does, in the element type and in NumPy's order (one
block of its pairwise summation along the contiguous axis, row by row along a strided one; the
mean divided in the element type; the variance from the squared deviations of the rounded mean),
so its results are these bit for bit. The values span 6 decades with both signs, so the order of
the additions shows in the last bits (the script checks that many sums differ from the correctly
rounded ones).

Usage: python3 gen_reduce_numpy.py [OUT_DIR] [SEED]   (writes OUT_DIR/reduce_numpy.json, default:
this folder)

{"numpy": version, "seed": s, "cases": [{"dtype": "float32" | "float64", "shape": [...],
"flat": [...], "reductions": [{"axis": k | null, "sum": [...], "mean": [...], "var": [...],
"var_ddof1": [...], "std": [...], "std_ddof1": [...]}]}]}: every float is its IEEE-754 bits in hex
(8 digits for float32, 16 for float64), so the values survive JSON exactly; the results of a
reduction along an axis are in the order of the keepdims result (row-major).
"""
import json, math, os, sys, warnings
import numpy as np

# Lanes of one element have no degree of freedom for ddof=1: NaN, as the library gives.
warnings.simplefilter("ignore", RuntimeWarning)

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261207
rng = np.random.default_rng(seed)

# Shapes of tests/reduce_numpy.rs: lanes of 1 to 128 elements, contiguous (the last axis) and
# strided (the others), short (below 8, 8 to 15), the 8-lane blocks and their tails, 128, and
# whole tensors of up to 128 elements. Only the lanes of at most 128 elements are listed.
SHAPES = [(1, 1), (3, 4), (1, 7), (7, 1), (2, 15), (15, 2), (8, 3), (9, 5), (16, 16), (5, 128),
          (128, 5), (40, 20), (300, 3), (3, 300), (2, 17), (4, 23), (3, 127), (33, 40),
          (4, 5, 6), (8, 16, 3), (2, 3, 40)]
LIMIT = 128


def bits(x, dtype):
    if dtype == np.float32:
        return format(np.float32(x).view(np.uint32), "08x")
    return format(np.float64(x).view(np.uint64), "016x")


cases = []
differ = 0
for dtype in (np.float32, np.float64):
    for shape in SHAPES:
        a = (rng.standard_normal(shape) * 10.0 ** rng.integers(-3, 3, shape)).astype(dtype)
        reductions = []
        for axis in [None] + list(range(len(shape))):
            n = a.size if axis is None else shape[axis]
            if n > LIMIT:
                continue
            kw = {"axis": axis, "keepdims": True}
            r = {"axis": axis}
            for name, v in [("sum", a.sum(**kw)), ("mean", a.mean(**kw)),
                            ("var", a.var(**kw)), ("var_ddof1", a.var(ddof=1, **kw)),
                            ("std", a.std(**kw)), ("std_ddof1", a.std(ddof=1, **kw))]:
                assert v.dtype == dtype
                r[name] = [bits(x, dtype) for x in v.ravel()]
            lanes = np.moveaxis(a, axis, -1).reshape(-1, n) if axis is not None else a.reshape(1, -1)
            sums = np.moveaxis(a.sum(**kw), axis, -1).ravel() if axis is not None else a.sum(**kw).ravel()
            differ += sum(s != dtype(math.fsum(map(float, lane))) for s, lane in zip(sums, lanes))
            reductions.append(r)
        cases.append({
            "dtype": np.dtype(dtype).name,
            "shape": list(shape),
            "flat": [bits(x, dtype) for x in a.ravel()],
            "reductions": reductions,
        })
assert differ >= 100, f"only {differ} sums differ from the correctly rounded ones"
with open(os.path.join(out, "reduce_numpy.json"), "w") as f:
    json.dump({"numpy": np.__version__, "seed": seed, "cases": cases}, f, indent=0)
    f.write("\n")
print(f"{len(cases)} cases, {differ} sums differ from the correctly rounded sum")
