#!/usr/bin/env python3
"""NumPy's side of the benchmarks (run by hand, not by CI; see BENCHMARKS.md).

Times the same operations as `cargo bench -p tensor-bench` (matmul f32/f64 at 2..256; add, exp, sigmoid, tanh
over 1 Ki, 64 Ki, 1 Mi f32) with `timeit`, single-threaded, and prints one line per case:
`group  median_time  GFLOP/s-or-Gelem/s`.

Run it single-threaded, with the BLAS kernel this CPU should use (this machine's environment
sets OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE for older OpenBLAS builds; unset both for a current
NumPy, in this command only):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \\
        python3 benches/numpy_bench.py
"""
import os
import statistics
import timeit

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402  (after the thread settings)


def median_seconds(stmt, min_time=0.2, repeats=7):
    timer = timeit.Timer(stmt)
    number, _ = timer.autorange()
    number = max(1, int(number * min_time / 0.2))
    return statistics.median(t / number for t in timer.repeat(repeats, number))


def fmt(s):
    return f"{s * 1e9:.1f} ns" if s < 1e-6 else f"{s * 1e6:.2f} us" if s < 1e-3 else f"{s * 1e3:.2f} ms"


def main():
    try:
        from threadpoolctl import threadpool_info

        for pool in threadpool_info():
            print(f"# {pool.get('internal_api')} {pool.get('version')} "
                  f"kernel={pool.get('architecture')} threads={pool.get('num_threads')}")
    except ImportError:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        print(f"# threadpoolctl not installed; numpy built with {blas.get('name')} "
              f"{blas.get('version')} (kernel chosen at run time)")
    print(f"# numpy {np.__version__}")
    rng = np.random.default_rng(0)
    for dtype in (np.float32, np.float64):
        for n in (2, 3, 4, 8, 16, 32, 64, 128, 256):
            a = rng.uniform(-1, 1, (n, n)).astype(dtype)
            b = rng.uniform(-1, 1, (n, n)).astype(dtype)
            out = np.empty((n, n), dtype)
            s = median_seconds(lambda: np.matmul(a, b, out=out))
            print(f"matmul_{np.dtype(dtype).name}/{n}  {fmt(s)}  {2 * n**3 / s / 1e9:.2f} GFLOP/s")
    for n in (1 << 10, 1 << 16, 1 << 20):
        a = rng.uniform(-10, 10, n).astype(np.float32)
        b = rng.uniform(-10, 10, n).astype(np.float32)
        c = np.empty(n, np.float32)
        for name, f in (
            ("add", lambda: a + b),
            ("add out=", lambda: np.add(a, b, out=c)),
            ("exp", lambda: np.exp(a)),
            ("exp out=", lambda: np.exp(a, out=c)),
            ("sigmoid", lambda: 1.0 / (1.0 + np.exp(-a))),
            ("tanh", lambda: np.tanh(a)),
            ("tanh out=", lambda: np.tanh(a, out=c)),
        ):
            s = median_seconds(f)
            print(f"{name}/{n}  {fmt(s)}  {n / s / 1e9:.2f} Gelem/s")


if __name__ == "__main__":
    main()
