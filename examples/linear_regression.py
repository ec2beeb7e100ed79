"""NumPy twin of linear_regression.rs: the seed's mini project, batch gradient descent, least squares.

    python3 examples/linear_regression.py            # the example
    python3 examples/linear_regression.py --bench    # time the gradient descent (BENCHMARKS.md)

Same model, formulas and hyperparameters as examples/common/linear.rs (X: (N, 1), W: (1, 1), b a scalar).
"""
import sys
import time

import numpy as np

LR, STEPS = 0.5, 2000


def dataset(n, rng):
    X = rng.random((n, 1))
    y = 2.0 * X + 1.0 + rng.standard_normal((n, 1)) * 0.1
    return X, y


def train(X, y, lr, steps):
    n = X.shape[0]
    W, b = np.zeros((X.shape[1], 1)), 0.0
    losses = []
    for _ in range(steps):
        err = X @ W + b - y
        losses.append(np.mean(err ** 2))
        W -= X.T @ err * (2.0 / n) * lr
        b -= lr * 2.0 * np.mean(err)
    return W, b, losses


def least_squares(X, y):
    """Normal equations with the intercept eliminated, as in linear.rs."""
    x_mean = X.mean(0, keepdims=True)
    Xc, yc = X - x_mean, y - y.mean()
    W = np.linalg.solve(Xc.T @ Xc, Xc.T @ yc)
    return W, y.mean() - (x_mean @ W).item()


def bench(n):
    X, y = dataset(n, np.random.default_rng(0))
    times = []
    for _ in range(21):
        start = time.perf_counter()
        train(X, y, LR, STEPS)
        times.append(time.perf_counter() - start)
    print(f"numpy   N={n:<6} steps={STEPS}  median {sorted(times)[len(times) // 2] * 1e3:9.3f} ms")


def main():
    if "--bench" in sys.argv:
        bench(100)
        bench(10_000)
        return
    X, y = dataset(100, np.random.default_rng(42))
    print("MSE:", np.mean((y - (2.0 * X + 1.0)) ** 2))
    W, b, losses = train(X, y, LR, STEPS)
    for step in list(range(0, 201, 25)) + [500, 1000, 1500]:
        print(f"  step {step:>4}  loss {losses[step]:.6f}")
    print(f"learned:       W = {W.item():.4f}, b = {b:.4f}")
    W, b = least_squares(X, y)
    print(f"least squares: W = {W.item():.4f}, b = {b:.4f}")


if __name__ == "__main__":
    main()
