"""NumPy golden values for the decompositions (tests/linalg_decomp.rs).

Run from this directory: `pip install numpy && python3 gen.py` (writes decomp.json).
Every matrix is built from a seeded generator, so the file is reproducible; NumPy's version is
recorded in the file.
"""

import json

import numpy as np

rng = np.random.default_rng(20261204)


def enc(x):
    """JSON numbers, with NaN and infinities as strings."""
    if isinstance(x, np.ndarray):
        return [enc(v) for v in x.tolist()] if x.ndim else enc(x.item())
    if isinstance(x, list):
        return [enc(v) for v in x]
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if np.isnan(x):
            return "nan"
        if np.isinf(x):
            return "inf" if x > 0 else "-inf"
        return x
    if isinstance(x, (int, np.integer)):
        return int(x)
    return x


def general(m, n, cond=None):
    """A random m x n matrix; with `cond`, singular values spaced log-uniformly down to 1/cond."""
    a = rng.standard_normal((m, n))
    if cond is None:
        return a
    u, _, vt = np.linalg.svd(a, full_matrices=False)
    k = min(m, n)
    s = np.logspace(0, -np.log10(cond), k)
    return (u * s) @ vt


def case(name, a):
    a = np.asarray(a, dtype=np.float64)
    m, n = a.shape
    c = {"name": name, "a": enc(a)}
    q, r = np.linalg.qr(a)
    c["qr"] = {"q": enc(q), "r": enc(r)}
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    c["svd"] = {"u": enc(u), "s": enc(s), "vt": enc(vt)}
    c["matrix_rank"] = enc(np.linalg.matrix_rank(a))
    c["pinv"] = enc(np.linalg.pinv(a))
    ords = {"fro": "fro", "nuc": "nuc", "inf": np.inf, "-inf": -np.inf, "1": 1, "-1": -1, "2": 2, "-2": -2}
    c["matrix_norm"] = {k: enc(np.linalg.norm(a, o)) for k, o in ords.items()}
    c["cond2"] = enc(np.linalg.cond(a))
    b = rng.standard_normal((m, 2))
    x, res, rank, sv = np.linalg.lstsq(a, b, rcond=None)
    c["lstsq"] = {"b": enc(b), "x": enc(x), "residuals": enc(res), "rank": enc(rank), "s": enc(sv)}
    if m == n:
        c["cond"] = {k: enc(np.linalg.cond(a, o)) for k, o in ords.items()}
        spd = a @ a.T + n * np.eye(n)
        c["spd"] = enc(spd)
        c["cholesky"] = enc(np.linalg.cholesky(spd))
        sym = (a + a.T) / 2
        c["sym"] = enc(sym)
        w, v = np.linalg.eigh(sym)
        c["eigh"] = {"w": enc(w), "v": enc(v)}
    return c


cases = [
    case("square 3x3", general(3, 3)),
    case("square 6x6", general(6, 6)),
    case("square 8x8, cond 1e6", general(8, 8, cond=1e6)),
    case("tall 5x3", general(5, 3)),
    case("tall 8x5, cond 1e4", general(8, 5, cond=1e4)),
    case("wide 3x5", general(3, 5)),
    case("rank 2 of 4x4", general(4, 2) @ general(2, 4)),
    case("rank 1 of 3x5", general(3, 1) @ general(1, 5)),
    case("hilbert 6x6", 1.0 / (np.arange(6)[:, None] + np.arange(6)[None, :] + 1.0)),
    case("integers 4x4", np.array([[4, -2, 1, 3], [0, 5, -1, 2], [2, 1, 6, -3], [1, 0, 2, 7]])),
]

vector = rng.standard_normal(7)
vector[3] = 0.0
vector_norms = {
    k: enc(np.linalg.norm(vector, o))
    for k, o in {"2": 2, "1": 1, "inf": np.inf, "-inf": -np.inf, "0": 0, "3": 3, "0.5": 0.5, "-1": -1}.items()
}


# PCA (examples/pca.rs): three clusters of 40 samples in 4 correlated features.
centers = np.array([[0.0, 0.0, 0.0, 0.0], [4.0, 1.0, -2.0, 0.5], [-1.0, 3.5, 1.0, -2.0]])
mix = np.array([[1.0, 0.3, 0.0, 0.1], [0.3, 0.8, 0.2, 0.0], [0.0, 0.2, 0.6, 0.3], [0.1, 0.0, 0.3, 0.4]])
pca_x = np.vstack([c + rng.standard_normal((40, 4)) @ mix for c in centers])
pca_labels = np.repeat(np.arange(3), 40)
pca_mean = pca_x.mean(axis=0)
pca_cov = np.cov(pca_x.T)  # ddof = 1
pca_w, pca_v = np.linalg.eigh(pca_cov)
order = np.argsort(pca_w)[::-1]
components = pca_v[:, order[:2]].T  # (2, 4), the leading directions as rows
# The sign convention of scikit-learn's svd_flip: the largest-magnitude entry is positive.
components *= np.sign(components[np.arange(2), np.abs(components).argmax(axis=1)])[:, None]
pca = {
    "x": enc(pca_x),
    "labels": enc(pca_labels),
    "mean": enc(pca_mean),
    "components": enc(components),
    "explained_variance": enc(pca_w[order]),
    "explained_variance_ratio": enc(pca_w[order] / pca_w.sum()),
    "projection": enc((pca_x - pca_mean) @ components.T),
}

# Ridge regression (examples/common/ridge.rs): the intercept is not penalized.
ridge_x = rng.standard_normal((60, 3))
ridge_y = ridge_x @ np.array([[1.5], [-2.0], [0.5]]) + 0.7 + 0.3 * rng.standard_normal((60, 1))
lam = 2.5
xm, ym = ridge_x.mean(axis=0), ridge_y.mean()
xc, yc = ridge_x - xm, ridge_y - ym
ridge_w = np.linalg.solve(xc.T @ xc + lam * np.eye(3), xc.T @ yc)
ridge = {
    "x": enc(ridge_x),
    "y": enc(ridge_y),
    "lambda": lam,
    "w": enc(ridge_w),
    "b": enc(ym - xm @ ridge_w[:, 0]),
}

with open("decomp.json", "w") as f:
    json.dump(
        {
            "numpy": np.__version__,
            "cases": cases,
            "vector": {"x": enc(vector), "norms": vector_norms},
            "pca": pca,
            "ridge": ridge,
        },
        f,
        indent=None,
    )
    f.write("\n")
