#!/usr/bin/env python3
"""NumPy's relative errors on the reductions of tests/reduce_accuracy.rs (the table in
BENCHMARKS.md and in the docs of `tensor_core::ops::reduce`).

Usage: python3 tests/accuracy/gen_reduce_accuracy.py [--max-exp 8] > tests/accuracy/reduce_accuracy.json

The data sets are generated here and in the Rust test from the same formulas, bit for bit:
- "issue": x[j] = 0.1 + (j % 7) * 1e-3 (computed in float64, then rounded to the dtype);
- "uniform": splitmix64(j, seed 1) as a float64 in [0, 1), rounded to the dtype;
- "centred": 2 * uniform(seed 2) - 1, in [-1, 1) (sums with cancellation).
Each case names the dtype, the shape, the axis (null: the whole array), the op (sum, mean,
var, std with ddof 0 and 1, norm) and NumPy's relative error: the largest over the outputs of
|numpy - exact| / |exact|, with the exact value computed in rational arithmetic from an exact
sum (math.fsum expansions) of the elements and of their exact squares.
"""
import argparse, json, math, sys
from decimal import Decimal, getcontext
from fractions import Fraction

import numpy as np

getcontext().prec = 60
M64 = (1 << 64) - 1


def splitmix_unit(n, seed):
    """splitmix64(j + seed * 2^32) >> 11, scaled to [0, 1): the same as the Rust test."""
    z = np.arange(n, dtype=np.uint64) + np.uint64(seed << 32)
    z = z * np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53


def data(name, n, dtype):
    if name == "issue":
        x = 0.1 + (np.arange(n) % 7).astype(np.float64) * 1e-3
    elif name == "uniform":
        x = splitmix_unit(n, 1)
    elif name == "centred":
        x = 2.0 * splitmix_unit(n, 2) - 1.0
    else:
        raise ValueError(name)
    return x.astype(dtype)


def floats(xs, *extra):
    """The elements of a float64 array as Python floats, a million at a time, then `extra`."""
    for i in range(0, len(xs), 10**6):
        yield from xs[i:i + 10**6].tolist()
    yield from extra


def exact_sum(xs):
    """The exact sum of a float64 array as a Fraction (hi + lo, each an fsum)."""
    hi = math.fsum(floats(xs))
    lo = math.fsum(floats(xs, -hi))
    return Fraction(hi) + Fraction(lo)


def split(a):
    c = 134217729.0 * a
    hi = c - (c - a)
    return hi, a - hi


def exact_squares(x):
    """x*x = p + e exactly (Dekker's two-product), as one array [p..., e...]."""
    p = x * x
    ah, al = split(x)
    e = ((ah * ah - p) + 2.0 * ah * al) + al * al
    return np.concatenate([p, e])


def refs(lane):
    """Exact sum, mean, var (ddof 0, 1), std (ddof 0, 1), norm of one lane (float64 values)."""
    n = len(lane)
    s = exact_sum(lane)
    a = exact_sum(exact_squares(lane))
    ss = a - s * s / n
    out = {"sum": s, "mean": s / n, "norm": sqrt(a)}
    for ddof in (0, 1):
        v = ss / (n - ddof)
        out[("var", ddof)] = v
        out[("std", ddof)] = sqrt(v)
    return out


def sqrt(f):
    return Decimal(f.numerator) / Decimal(f.denominator) if f == 0 else (
        Decimal(f.numerator) / Decimal(f.denominator)).sqrt()


def rel(got, want):
    got = Fraction(float(got))
    if isinstance(want, Decimal):
        got = Decimal(got.numerator) / Decimal(got.denominator)
        return float(abs(got - want) / abs(want))
    return float(abs(got - want) / abs(want))


def numpy_op(x, op, axis):
    kw = {} if axis is None else {"axis": axis}
    if op == "sum":
        return np.sum(x, **kw)
    if op == "mean":
        return np.mean(x, **kw)
    if op == "norm":
        return np.linalg.norm(x.ravel()) if axis is None else np.linalg.norm(x, axis=axis)
    name, ddof = op
    return (np.var if name == "var" else np.std)(x, ddof=ddof, **kw)


OPS = ["sum", "mean", ("var", 0), ("var", 1), ("std", 0), ("std", 1), "norm"]


def cases(max_exp):
    # (shape, axis): whole arrays of 10^3 .. 10^max_exp elements, and per-axis reductions.
    out = []
    for e in range(3, max_exp + 1):
        out.append(((10**e,), None))
    out += [((10**6, 1), 0), ((1, 10**6), 1), ((1000, 1000), 0), ((1000, 1000), 1),
            ((100, 100, 100), 0), ((100, 100, 100), 1), ((100, 100, 100), 2),
            ((10, 10, 100, 100), 1), ((10, 10, 100, 100), 3)]
    if max_exp >= 7:
        out += [((10**7, 1), 0), ((1000, 10**4), 0), ((1000, 10**4), 1)]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-exp", type=int, default=8)
    args = ap.parse_args()
    rows = []
    for shape, axis in cases(args.max_exp):
        n = math.prod(shape)
        for dname in ("issue", "uniform", "centred"):
            x64 = data(dname, n, np.float64)
            for dtype in (np.float32, np.float64):
                x = x64.astype(dtype).reshape(shape)
                wide = x.astype(np.float64)
                if axis is None:
                    lanes = [wide.ravel()]
                else:
                    moved = np.moveaxis(wide, axis, -1)
                    lanes = list(moved.reshape(-1, shape[axis]))
                lane_refs = [refs(np.ascontiguousarray(l)) for l in lanes]
                for op in OPS:
                    got = np.asarray(numpy_op(x, op, axis))
                    got = np.moveaxis(got, axis, -1).ravel() if axis is not None and got.ndim == len(shape) else got.ravel()
                    err = max(rel(g, r[op]) for g, r in zip(got.tolist(), lane_refs))
                    name, ddof = (op, None) if isinstance(op, str) else op
                    rows.append({"data": dname, "dtype": np.dtype(dtype).name, "shape": list(shape),
                                 "axis": axis, "op": name, "ddof": ddof, "numpy_rel_err": err})
                    print(dname, np.dtype(dtype).name, shape, axis, op, f"{err:.2e}", file=sys.stderr, flush=True)
    json.dump({"numpy": np.__version__, "cases": rows}, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
