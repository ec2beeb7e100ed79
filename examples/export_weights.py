"""Trains the small classifier of examples/pretrained.rs with NumPy alone and exports it.

    python3 examples/export_weights.py

The data: three interleaved spirals in the plane (300 points each, CS231n's classic), which no
linear classifier separates. The model: a two-layer network 2 -> 32 -> 3 with ReLU and softmax,
trained by full-batch gradient descent on the cross-entropy. Everything is float32, as shipped
weights usually are.

Written to examples/weights/:
- w1.npy (2, 32), b1.npy (32,), w2.npy (32, 3), b2.npy (3,): one np.save per array;
- mlp.npz: the same four arrays, np.savez(w1=..., b1=..., w2=..., b2=...);
- mlp.safetensors: the same four tensors in the safetensors format (written here with the
  standard library's json, so the script needs NumPy only; the `safetensors` package reads it);
- test_x.npy (300, 2), test_y.npy (300,): held-out points and their classes;
- numpy_logits.npy (300, 3): the trained network's outputs on test_x, computed by NumPy, that
  the Rust example and its test compare against.
"""

import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights")
CLASSES, HIDDEN = 3, 32


def spirals(n_per_class, rng):
    x = np.zeros((n_per_class * CLASSES, 2), np.float32)
    y = np.zeros(n_per_class * CLASSES, np.int64)
    for c in range(CLASSES):
        r = np.linspace(0.0, 1.0, n_per_class)
        t = np.linspace(c * 4.0, (c + 1) * 4.0, n_per_class) + rng.normal(0, 0.2, n_per_class)
        x[c * n_per_class:(c + 1) * n_per_class] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[c * n_per_class:(c + 1) * n_per_class] = c
    return x, y


def forward(p, x):
    h = np.maximum(x @ p["w1"] + p["b1"], 0)
    return h, h @ p["w2"] + p["b2"]


def train(x, y, rng, steps=4000, lr=1.0, reg=1e-3):
    p = {
        "w1": (rng.normal(0, 1, (2, HIDDEN)) * np.sqrt(2 / 2)).astype(np.float32),
        "b1": np.zeros(HIDDEN, np.float32),
        "w2": (rng.normal(0, 1, (HIDDEN, CLASSES)) * np.sqrt(2 / HIDDEN)).astype(np.float32),
        "b2": np.zeros(CLASSES, np.float32),
    }
    n = len(x)
    for step in range(steps):
        h, logits = forward(p, x)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        prob = e / e.sum(axis=1, keepdims=True)
        if step % 1000 == 0:
            loss = -np.log(prob[np.arange(n), y]).mean()
            print("step %4d  loss %.4f" % (step, loss))
        d = prob
        d[np.arange(n), y] -= 1
        d /= n
        grads = {"w2": h.T @ d + reg * p["w2"], "b2": d.sum(axis=0)}
        dh = (d @ p["w2"].T) * (h > 0)
        grads["w1"] = x.T @ dh + reg * p["w1"]
        grads["b1"] = dh.sum(axis=0)
        for k in p:
            p[k] = (p[k] - lr * grads[k]).astype(np.float32)
    return p


def save_safetensors(path, arrays):
    """The safetensors format: an 8-byte little-endian header length, a JSON header naming
    each tensor's dtype, shape and byte range, then the little-endian C-order data."""
    header, offset, blobs = {}, 0, []
    for name, a in arrays.items():
        data = np.ascontiguousarray(a, a.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": {"float32": "F32", "int64": "I64"}[a.dtype.name],
                        "shape": list(a.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(len(text).to_bytes(8, "little") + text + b"".join(blobs))


def main():
    rng = np.random.default_rng(7)
    x, y = spirals(300, rng)
    x_test, y_test = spirals(100, rng)
    p = train(x, y, rng)
    _, logits = forward(p, x_test)
    acc = (logits.argmax(axis=1) == y_test).mean()
    print("train accuracy %.3f, test accuracy %.3f" % ((forward(p, x)[1].argmax(axis=1) == y).mean(), acc))

    os.makedirs(OUT, exist_ok=True)
    for k, a in p.items():
        np.save(os.path.join(OUT, k + ".npy"), a)
    np.savez(os.path.join(OUT, "mlp.npz"), **p)
    save_safetensors(os.path.join(OUT, "mlp.safetensors"), p)
    np.save(os.path.join(OUT, "test_x.npy"), x_test)
    np.save(os.path.join(OUT, "test_y.npy"), y_test)
    np.save(os.path.join(OUT, "numpy_logits.npy"), logits.astype(np.float32))


if __name__ == "__main__":
    main()
