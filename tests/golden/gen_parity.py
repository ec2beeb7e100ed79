#!/usr/bin/env python3
"""NumPy golden values for the everyday array API of issue 22 (tests/numpy_parity.rs).

Comparisons, masks, where, %, //, fmod, flip, sort, argsort, concatenate/vstack/hstack/stack,
roll, a[mask], flatnonzero, unique, split/vsplit/hsplit (the parts stacked on a new axis 0).

Usage: python3 gen_parity.py [OUT_DIR] [SEED]   (writes OUT_DIR/parity.json, default: this folder)

{"numpy": version, "seed": s, "cases": [...]}. Every array is written as its row-major elements
("flat") beside its NumPy shape ("shape"); booleans are JSON true/false, non-finite floats the
strings "nan", "inf", "-inf", and -0.0 as the string "-0" (so its sign survives JSON).
Float inputs mix random values with ties, NaN, +-0 and infinities; integer inputs have ties and
negatives. Sorts use kind="stable" (the library's sort is stable).
"""
import json, os, sys
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261204
rng = np.random.default_rng(seed)


def enc_scalar(x):
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, str):
        return x
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    if x != x:
        return "nan"
    if x == float("inf"):
        return "inf"
    if x == float("-inf"):
        return "-inf"
    if x == 0.0 and np.signbit(x):
        return "-0"
    return x


def arr(a):
    a = np.asarray(a)
    return {"shape": list(a.shape), "dtype": str(a.dtype), "flat": [enc_scalar(v) for v in a.ravel().tolist()]}


def floats(shape):
    """Small multiples of 0.5 (ties likely) with NaN, +-0 and infinities sprinkled in."""
    a = rng.integers(-6, 7, size=shape).astype(np.float64) * 0.5
    flat = a.reshape(-1)
    specials = [np.nan, 0.0, -0.0, np.inf, -np.inf, np.nan]
    picks = rng.choice(flat.size, size=min(len(specials), flat.size // 3), replace=False)
    for k, p in enumerate(picks):
        flat[p] = specials[k]
    return a


def ints(shape, lo=-9, hi=10):
    return rng.integers(lo, hi, size=shape).astype(np.int64)


cases = []


def case(op, out_value, **inputs):
    c = {"op": op}
    for k, v in inputs.items():
        c[k] = arr(v) if isinstance(v, np.ndarray) else enc_scalar(v)
    c["out"] = arr(out_value) if isinstance(out_value, np.ndarray) else out_value
    cases.append(c)


CMP = {"lt": np.less, "le": np.less_equal, "gt": np.greater, "ge": np.greater_equal,
       "eq": np.equal, "ne": np.not_equal}

for rep in range(4):
    for kind, gen in (("f64", floats), ("i64", ints)):
        a = gen((3, 4))
        for bname, bshape in (("same", (3, 4)), ("row", (1, 4)), ("col", (3, 1))):
            b = gen(bshape)
            if bname == "same":
                b.reshape(-1)[::3] = a.reshape(-1)[::3]  # some equal pairs
            for name, f in CMP.items():
                case(name, f(a, b), kind=kind, b_shape=bname, a=a, b=b)
        s = float(a.reshape(-1)[rng.integers(12)]) if kind == "f64" else int(a.reshape(-1)[rng.integers(12)])
        if s != s or s in (float("inf"), float("-inf")):
            s = 0.5
        for name, f in CMP.items():
            case(name + "_scalar", f(a, s), kind=kind, a=a, s=s)

# Mask logic, any/all, count_nonzero, where.
for rep in range(4):
    m1 = rng.random((3, 4)) < 0.5
    m2 = rng.random((3, 4)) < 0.5
    row = rng.random((1, 4)) < 0.5
    case("and", m1 & m2, a=m1, b=m2)
    case("or", m1 | m2, a=m1, b=m2)
    case("xor", m1 ^ m2, a=m1, b=m2)
    case("and_row", m1 & row, a=m1, b=row)
    case("not", ~m1, a=m1)
    case("any", bool(m1.any()), a=m1)
    case("all", bool((m1 | m2).all()), a=m1 | m2)
    case("any_axis0", m1.any(axis=0, keepdims=True), a=m1)
    case("any_axis1", m1.any(axis=1, keepdims=True), a=m1)
    case("all_axis0", (m1 | m2).all(axis=0, keepdims=True), a=m1 | m2)
    case("all_axis1", (m1 | m2).all(axis=1, keepdims=True), a=m1 | m2)
    x = floats((3, 4))
    case("count_nonzero", int(np.count_nonzero(x)), kind="f64", a=x)
    xi = ints((3, 4), -2, 3)
    case("count_nonzero", int(np.count_nonzero(xi)), kind="i64", a=xi)
    y = floats((3, 4))
    case("where", np.where(m1, x, y), a=m1, x=x, y=y)
    case("where_col", np.where(m1[:, :1], x, y[:1, :]), a=m1[:, :1], x=x, y=y[:1, :])
    case("print_mask", str(m1), a=m1)
m3 = rng.random((2, 3, 4)) < 0.5
case("print_mask", str(m3), a=m3)
m_long = rng.random((1, 40)) < 0.5
case("print_mask", str(m_long.reshape(-1)), a=m_long)

# %, //, fmod (Rust's %).
for rep in range(4):
    a = ints((3, 4), -20, 21)
    b = ints((3, 4), -6, 7)
    b[b == 0] = 3
    case("floor_div", a // b, kind="i64", a=a, b=b)
    case("floor_mod", a % b, kind="i64", a=a, b=b)
    case("fmod", np.fmod(a, b), kind="i64", a=a, b=b)
    fa = rng.integers(-40, 41, size=(3, 4)) * 0.25
    fb = rng.integers(-12, 13, size=(3, 4)) * 0.5
    fb.reshape(-1)[0] = 0.0
    fa.reshape(-1)[1] = np.inf
    fa.reshape(-1)[2] = np.nan
    fb.reshape(-1)[3] = np.inf
    fb.reshape(-1)[4] = -np.inf
    fa.reshape(-1)[5] = 0.0
    fa.reshape(-1)[6] = -0.0
    with np.errstate(all="ignore"):
        case("floor_div", fa // fb, kind="f64", a=fa, b=fb)
        case("floor_mod", fa % fb, kind="f64", a=fa, b=fb)
        case("fmod", np.fmod(fa, fb), kind="f64", a=fa, b=fb)

# flip, sort, argsort, rank 2 and 3.
for rep in range(4):
    for kind, gen in (("f64", floats), ("i64", lambda s: ints(s, -3, 4))):
        for shape in ((3, 4), (2, 3, 4)):
            a = gen(shape)
            case("flip", np.flip(a), kind=kind, a=a)
            for ax in range(len(shape)):
                case("flip_axis", np.flip(a, axis=ax), kind=kind, axis=ax, a=a)
                case("sort_axis", np.sort(a, axis=ax, kind="stable"), kind=kind, axis=ax, a=a)
                case("argsort_axis", np.argsort(a, axis=ax, kind="stable"), kind=kind, axis=ax, a=a)
            case("sort", np.sort(a, kind="stable"), kind=kind, a=a)
            case("argsort", np.argsort(a, kind="stable"), kind=kind, a=a)
            case("sort_flat", np.sort(a, axis=None, kind="stable"), kind=kind, a=a)
            case("argsort_flat", np.argsort(a, axis=None, kind="stable"), kind=kind, a=a)

# concatenate, vstack, hstack, stack.
for rep in range(2):
    a, b = ints((2, 3)), ints((1, 3))
    case("concat", np.concatenate((a, b), axis=0), axis=0, a=a, b=b)
    case("vstack", np.vstack((a, b)), a=a, b=b)
    a, b = ints((2, 3)), ints((2, 2))
    case("concat", np.concatenate((a, b), axis=1), axis=1, a=a, b=b)
    case("hstack", np.hstack((a, b)), a=a, b=b)
    v, w = ints((3,)), ints((2,))
    case("hstack_1d", np.hstack((v, w)), a=v, b=w)
    v2 = ints((3,))
    case("vstack_1d", np.vstack((v, v2)), a=v, b=v2)
    for ax in range(3):
        x, y = ints((2, 3, 4)), ints((2, 3, 4))
        shape = [2, 3, 4]
        shape[ax] = 1
        y = ints(tuple(shape))
        case("concat3", np.concatenate((x, y), axis=ax), axis=ax, a=x, b=y)
    m1, m2, m3 = ints((2, 3)), ints((2, 3)), ints((2, 3))
    for ax in range(3):
        case("stack", np.stack((m1, m2, m3), axis=ax), axis=ax, a=m1, b=m2, c=m3)

# roll, boolean indexing, flatnonzero, unique (with index, inverse, counts).
for rep in range(3):
    a = ints((3, 4))
    for shift in (-5, -1, 0, 3, 13):
        case("roll", np.roll(a, shift), shift=shift, a=a)
        for ax in range(2):
            case("roll_axis", np.roll(a, shift, axis=ax), shift=shift, axis=ax, a=a)
    m = rng.random((3, 4)) < 0.5
    case("masked", a[m], a=a, m=m)
    x = floats((3, 4))
    case("masked", x[m], kind="f64", a=x, m=m)
    case("flatnonzero", np.flatnonzero(x), kind="f64", a=x)
    for kind, v in (("i64", ints((3, 4), -3, 4)), ("f64", floats((3, 4)))):
        vals, idx, inv, cnt = np.unique(v, return_index=True, return_inverse=True, return_counts=True)
        case("unique", vals, kind=kind, a=v, indices=idx, inverse=inv.reshape(-1), counts=cnt)

# split, vsplit, hsplit.
for rep in range(2):
    a = ints((6, 4))
    case("split", np.stack(np.split(a, 3, axis=0)), axis=0, parts=3, a=a)
    case("split", np.stack(np.split(a, 2, axis=1)), axis=1, parts=2, a=a)
    case("vsplit", np.stack(np.vsplit(a, 2)), parts=2, a=a)
    case("hsplit", np.stack(np.hsplit(a, 4)), parts=4, a=a)
    t = ints((2, 3, 6))
    case("split3", np.stack(np.split(t, 3, axis=2)), axis=2, parts=3, a=t)

doc = {"numpy": np.__version__, "seed": seed, "cases": cases}
with open(os.path.join(out, "parity.json"), "w") as fh:
    json.dump(doc, fh, separators=(",", ":"))
    fh.write("\n")
print(len(cases), "cases")
