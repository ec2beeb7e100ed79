#!/usr/bin/env python3
"""NumPy's side of `benches/fused.rs` (fusion in `tensor!`, issue 13 item 2), run by hand.

Times the same five expressions on the same shapes (`f32`, results of 1 Ki, 64 Ki, 1 Mi
elements) with `timeit`, single-threaded, and prints each as a criterion line
(`group/numpy/N  time: [t t t]`), so that `benches/ratio_report.py` reads it next to a
`cargo bench` log:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \\
        python3 benches/fused_numpy.py > numpy.log
    cat fused.log numpy.log > both.log; python3 benches/ratio_report.py both.log
"""
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402  (after the thread settings)

sys.path.insert(0, os.path.dirname(__file__))
from numpy_bench import median_seconds  # noqa: E402


def line(group, n, s):
    ns = s * 1e9
    print(f"{group}/{n}/numpy/{n}  time: [{ns:.3f} ns {ns:.3f} ns {ns:.3f} ns]")


def main():
    print(f"# numpy {np.__version__}")
    rng = np.random.default_rng(0)
    f32 = np.float32
    for n in (1 << 10, 1 << 16, 1 << 20):
        r, k, bt = n // 64, 16, 16
        a = rng.uniform(-1, 1, n).astype(f32)
        b = rng.uniform(-1, 1, n).astype(f32)
        line("diff_sq", n, median_seconds(lambda: (a - b) * (a - b)))
        x = rng.uniform(-1, 1, (r, k)).astype(f32)
        w = rng.uniform(-1, 1, (k, 64)).astype(f32)
        bias = rng.uniform(-1, 1, 64).astype(f32)
        y = rng.uniform(-1, 1, (r, 64)).astype(f32)
        line("linear_sigmoid", n, median_seconds(lambda: 1 / (1 + np.exp(-(x @ w + bias)))))
        line("mse", n, median_seconds(lambda: np.square((x @ w + bias) - y).mean()))
        wt = rng.uniform(-1, 1, (r, 64)).astype(f32)
        xb = rng.uniform(-1, 1, (bt, r)).astype(f32)
        err = rng.uniform(-1, 1, (bt, 64)).astype(f32)
        lr = f32(0.01)
        line("sgd_step", n, median_seconds(lambda: wt - lr * (xb.T @ err)))
        xc = rng.uniform(-1, 1, (n, 1)).astype(f32)
        w1 = rng.uniform(-1, 1, (1, 1)).astype(f32)
        yc = rng.uniform(-1, 1, (n, 1)).astype(f32)
        b1 = f32(0.5)
        line("linreg_err", n, median_seconds(lambda: xc @ w1 + b1 - yc))


if __name__ == "__main__":
    main()
