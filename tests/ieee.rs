//! NaN, infinities and signed zeros through every op family, compared with NumPy; integer
//! overflow and division by zero per op, as documented.
//!
//! Expected values are NumPy 2's outputs (float64), pasted with the NumPy expression that made
//! them. Floats compare exactly for the non-finite and zero results (sign of zero included);
//! finite non-zero results may differ from NumPy's libm by a few ulps.
//!
//! Integer overflow behaves as the element type's operator in the build: a panic with overflow
//! checks on (debug, `cfg(debug_assertions)` in these tests), two's-complement wrapping off.
//! The overflow tests use `#[cfg_attr(debug_assertions, should_panic)]` and check the wrapped
//! values in release builds (`cargo test --release`).

// NumPy's outputs are pasted verbatim, including those equal to `std::f64::consts`.
#![allow(clippy::approx_constant)]

use tensor::prelude::*;

const NAN: f64 = f64::NAN;
const INF: f64 = f64::INFINITY;

/// The inputs of the unary tests: `v = np.array([nan, inf, -inf, 0.0, -0.0, 1.0, -1.0, 2.0])`.
fn v() -> Vector<f64, 8> {
    Tensor::from([NAN, INF, -INF, 0.0, -0.0, 1.0, -1.0, 2.0])
}

/// `w = np.array([1.0, nan, 0.0, inf, -inf, nan, 5.0, -0.0])`, paired with `v`.
fn w() -> Vector<f64, 8> {
    Tensor::from([1.0, NAN, 0.0, INF, -INF, NAN, 5.0, -0.0])
}

/// `got` matches NumPy's `want`: NaN where NumPy has NaN, otherwise equal, with the sign of
/// zeros and infinities, and within 4 ulps for finite non-zero values.
#[track_caller]
fn same(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        let ok = if w.is_nan() {
            g.is_nan()
        } else if w == 0.0 || w.is_infinite() {
            g == w && g.is_sign_negative() == w.is_sign_negative()
        } else {
            (g - w).abs() <= 4.0 * f64::EPSILON * w.abs()
        };
        assert!(
            ok,
            "{what}[{i}]: got {g:?}, NumPy gives {w:?}\n  got  {got:?}\n  want {want:?}"
        );
    }
}

#[test]
fn float_functions() {
    let v = v();
    #[rustfmt::skip]
    let cases: [(&str, Vector<f64, 8>, [f64; 8]); 13] = [
        // np.sqrt(v)
        (
            "sqrt",
            v.sqrt(),
            [NAN, INF, NAN, 0.0, -0.0, 1.0, NAN, 1.4142135623730951],
        ),
        // np.exp(v)
        (
            "exp",
            v.exp(),
            [
                NAN,
                INF,
                0.0,
                1.0,
                1.0,
                2.718281828459045,
                0.36787944117144233,
                7.38905609893065,
            ],
        ),
        // np.log(v)
        (
            "ln",
            v.ln(),
            [NAN, INF, NAN, -INF, -INF, 0.0, NAN, 0.6931471805599453],
        ),
        // np.log2(v)
        ("log2", v.log2(), [NAN, INF, NAN, -INF, -INF, 0.0, NAN, 1.0]),
        // np.log10(v)
        (
            "log10",
            v.log10(),
            [NAN, INF, NAN, -INF, -INF, 0.0, NAN, 0.3010299956639812],
        ),
        // np.log(v) / np.log(3.0)
        (
            "log(3)",
            v.log(3.0),
            [NAN, INF, NAN, -INF, -INF, 0.0, NAN, 0.6309297535714574],
        ),
        // np.sin(v)
        (
            "sin",
            v.sin(),
            [
                NAN,
                NAN,
                NAN,
                0.0,
                -0.0,
                0.8414709848078965,
                -0.8414709848078965,
                0.9092974268256817,
            ],
        ),
        // np.cos(v)
        (
            "cos",
            v.cos(),
            [
                NAN,
                NAN,
                NAN,
                1.0,
                1.0,
                0.5403023058681398,
                0.5403023058681398,
                -0.4161468365471424,
            ],
        ),
        // np.tanh(v)
        (
            "tanh",
            v.tanh(),
            [
                NAN,
                1.0,
                -1.0,
                0.0,
                -0.0,
                0.7615941559557649,
                -0.7615941559557649,
                0.9640275800758169,
            ],
        ),
        // 1 / (1 + np.exp(-v))
        (
            "sigmoid",
            v.sigmoid(),
            [
                NAN,
                1.0,
                0.0,
                0.5,
                0.5,
                0.7310585786300049,
                0.2689414213699951,
                0.8807970779778823,
            ],
        ),
        // np.maximum(v, 0)
        ("relu", v.relu(), [NAN, INF, 0.0, 0.0, 0.0, 1.0, 0.0, 2.0]),
        // np.abs(v)
        ("abs", v.abs(), [NAN, INF, INF, 0.0, 0.0, 1.0, 1.0, 2.0]),
        // np.square(v)
        (
            "square",
            v.square(),
            [NAN, INF, INF, 0.0, 0.0, 1.0, 1.0, 4.0],
        ),
    ];
    for (what, got, want) in cases {
        same(got.as_flat(), &want, what);
    }
}

#[test]
fn powers() {
    let v = v();
    // np.power(v, 3), np.power(v, 2), np.power(v, 0), np.power(v, -1)
    same(
        v.powi(3).as_flat(),
        &[NAN, INF, -INF, 0.0, -0.0, 1.0, -1.0, 8.0],
        "powi(3)",
    );
    same(
        v.powi(2).as_flat(),
        &[NAN, INF, INF, 0.0, 0.0, 1.0, 1.0, 4.0],
        "powi(2)",
    );
    same(v.powi(0).as_flat(), &[1.0; 8], "powi(0)");
    same(
        v.powi(-1).as_flat(),
        &[NAN, 0.0, -0.0, INF, -INF, 1.0, -1.0, 0.5],
        "powi(-1)",
    );
    // np.power(v, 1.5), np.power(v, 0.25), np.power(v, -0.5)
    same(
        v.powf(1.5).as_flat(),
        &[NAN, INF, INF, 0.0, 0.0, 1.0, NAN, 2.8284271247461903],
        "powf(1.5)",
    );
    same(
        v.powf(0.25).as_flat(),
        &[NAN, INF, INF, 0.0, 0.0, 1.0, NAN, 1.189207115002721],
        "powf(0.25)",
    );
    same(
        v.powf(-0.5).as_flat(),
        &[NAN, 0.0, 0.0, INF, INF, 1.0, NAN, 0.7071067811865476],
        "powf(-0.5)",
    );
    // np.power(v, 0.5) -> [nan, inf, nan, 0.0, -0.0, ...]: NumPy computes a power of 0.5 as
    // `np.sqrt`, so -inf gives NaN and -0.0 keeps its sign. `powf` is IEEE 754's `pow`
    // (C99 Annex F) for every exponent: pow(-inf, 0.5) = inf, pow(-0.0, 0.5) = +0.0. For
    // NumPy's values use `sqrt`.
    same(
        v.powf(0.5).as_flat(),
        &[NAN, INF, INF, 0.0, 0.0, 1.0, NAN, 1.4142135623730951],
        "powf(0.5)",
    );
    same(
        v.sqrt().as_flat(),
        &[NAN, INF, NAN, 0.0, -0.0, 1.0, NAN, 1.4142135623730951],
        "sqrt",
    );
    same(
        v.powf(NAN).as_flat(),
        &[NAN, NAN, NAN, NAN, NAN, 1.0, NAN, NAN],
        "powf(nan)",
    );
    same(
        v.powf(INF).as_flat(),
        &[NAN, INF, INF, 0.0, 0.0, 1.0, 1.0, INF],
        "powf(inf)",
    );
    same(v.powf(0.0).as_flat(), &[1.0; 8], "powf(0)");
}

#[test]
fn clip_maximum_minimum() {
    let (v, w) = (v(), w());
    // np.clip(v, -1.5, 1.5)
    same(
        v.clip(-1.5, 1.5).as_flat(),
        &[NAN, 1.5, -1.5, 0.0, -0.0, 1.0, -1.0, 1.5],
        "clip",
    );
    // np.clip(v, nan, 1.5): a NaN bound makes every element NaN
    same(v.clip(NAN, 1.5).as_flat(), &[NAN; 8], "clip(nan, 1.5)");
    // np.maximum(v, w), np.minimum(v, w)
    same(
        v.maximum(&w).as_flat(),
        &[NAN, NAN, 0.0, INF, -0.0, NAN, 5.0, 2.0],
        "maximum",
    );
    same(
        v.minimum(&w).as_flat(),
        &[NAN, NAN, -INF, 0.0, -INF, NAN, -1.0, -0.0],
        "minimum",
    );
    // broadcasting: np.maximum(np.array([[nan], [1.0]]), np.array([[0.0, inf]]))
    let m = Tensor::from([[NAN], [1.0]]).maximum(&Tensor::from([0.0, INF]));
    same(m.as_flat(), &[NAN, NAN, 1.0, INF], "maximum broadcast");
}

#[test]
fn softmax_rows() {
    let a = Tensor::from([
        [NAN, 1.0, 2.0],
        [INF, 0.0, 1.0],
        [-INF, 0.0, 1.0],
        [-INF, -INF, -INF],
        [1000.0, -1000.0, 0.0],
    ]);
    // e = np.exp(a - a.max(axis=1, keepdims=True)); e / e.sum(axis=1, keepdims=True)
    let want = [
        NAN,
        NAN,
        NAN, //
        NAN,
        NAN,
        NAN, //
        0.0,
        0.2689414213699951,
        0.7310585786300049, //
        NAN,
        NAN,
        NAN, //
        1.0,
        0.0,
        0.0,
    ];
    same(a.softmax().as_flat(), &want, "softmax");
}

#[test]
fn elementwise_and_scalar_arithmetic() {
    let (v, w) = (v(), w());
    // v + w, v - w, v * w, v / w, -v
    same(
        (v + w).as_flat(),
        &[NAN, NAN, -INF, INF, -INF, NAN, 4.0, 2.0],
        "add",
    );
    same(
        (v - w).as_flat(),
        &[NAN, NAN, -INF, -INF, INF, NAN, -6.0, 2.0],
        "sub",
    );
    same(
        (v * w).as_flat(),
        &[NAN, NAN, NAN, NAN, NAN, NAN, -5.0, -0.0],
        "mul",
    );
    same(
        (v / w).as_flat(),
        &[NAN, NAN, -INF, 0.0, 0.0, NAN, -0.2, -INF],
        "div",
    );
    same(
        (-v).as_flat(),
        &[NAN, -INF, INF, -0.0, 0.0, -1.0, 1.0, -2.0],
        "neg",
    );
    // v + inf, v * 0.0, v / 0.0, 0.0 / v, v * nan, inf - v
    same(
        (v + INF).as_flat(),
        &[NAN, INF, NAN, INF, INF, INF, INF, INF],
        "v + inf",
    );
    same(
        (v * 0.0).as_flat(),
        &[NAN, NAN, NAN, 0.0, -0.0, 0.0, -0.0, 0.0],
        "v * 0",
    );
    same(
        (v / 0.0).as_flat(),
        &[NAN, INF, -INF, NAN, NAN, INF, -INF, INF],
        "v / 0",
    );
    same(
        (0.0 / v).as_flat(),
        &[NAN, 0.0, -0.0, NAN, NAN, 0.0, -0.0, 0.0],
        "0 / v",
    );
    same((v * NAN).as_flat(), &[NAN; 8], "v * nan");
    same(
        (INF - v).as_flat(),
        &[NAN, NAN, INF, INF, INF, INF, INF, INF],
        "inf - v",
    );
    // The in-place forms agree with the operators.
    let mut a = v;
    a += &w;
    same(a.as_flat(), (v + w).as_flat(), "+=");
    let mut a = v;
    a *= &w;
    same(a.as_flat(), (v * w).as_flat(), "*=");
    let mut a = v;
    a /= 0.0;
    same(a.as_flat(), (v / 0.0).as_flat(), "/= 0");
    let mut a = v;
    a -= INF;
    same(a.as_flat(), (v - INF).as_flat(), "-= inf");
}

/// `m = np.array([[1, nan, 3], [inf, 2, -1], [-inf, inf, 0], [1, 2, 3]])`.
fn m() -> Tensor<f64, 4, 3> {
    Tensor::from([
        [1.0, NAN, 3.0],
        [INF, 2.0, -1.0],
        [-INF, INF, 0.0],
        [1.0, 2.0, 3.0],
    ])
}

#[test]
fn broadcasting_arithmetic() {
    // m + np.array([[inf, 1, nan]])
    let by_row = m() + Tensor::from([INF, 1.0, NAN]);
    let want = [INF, NAN, NAN, INF, 3.0, NAN, NAN, INF, NAN, INF, 3.0, NAN];
    same(by_row.as_flat(), &want, "m + row");
    // m * np.array([[0], [1], [inf], [-1]])
    let by_col = m() * Tensor::from([[0.0], [1.0], [INF], [-1.0]]);
    let want = [
        0.0, NAN, 0.0, INF, 2.0, -1.0, -INF, INF, NAN, -1.0, -2.0, -3.0,
    ];
    same(by_col.as_flat(), &want, "m * col");
    let explicit: Tensor<f64, 4, 3> = Tensor::from([[INF, 1.0, NAN]]).broadcast();
    same((m() + explicit).as_flat(), by_row.as_flat(), "broadcast()");
}

#[test]
fn reductions() {
    let m = m();
    // np.sum(m), np.prod(m), np.mean(m), np.var(m), np.std(m), np.min(m), np.max(m)
    for (what, got) in [
        ("sum", m.sum()),
        ("prod", m.prod()),
        ("mean", m.mean()),
        ("var", m.var()),
        ("std", m.std()),
        ("min", m.min()),
        ("max", m.max()),
        ("norm", m.norm()),
    ] {
        assert!(got.is_nan(), "{what}: {got}");
    }
    // np.sum(m, axis=0), np.sum(m, axis=1), ...
    same(m.sum_axis::<0>().as_flat(), &[NAN, NAN, 5.0], "sum_axis0");
    same(
        m.sum_axis::<1>().as_flat(),
        &[NAN, INF, NAN, 6.0],
        "sum_axis1",
    );
    same(
        m.prod_axis::<0>().as_flat(),
        &[-INF, NAN, -0.0],
        "prod_axis0",
    );
    same(
        m.prod_axis::<1>().as_flat(),
        &[NAN, -INF, NAN, 6.0],
        "prod_axis1",
    );
    same(
        m.mean_axis::<0>().as_flat(),
        &[NAN, NAN, 1.25],
        "mean_axis0",
    );
    same(
        m.mean_axis::<1>().as_flat(),
        &[NAN, INF, NAN, 2.0],
        "mean_axis1",
    );
    same(
        m.var_axis::<0>().as_flat(),
        &[NAN, NAN, 3.1875],
        "var_axis0",
    );
    same(
        m.var_axis::<1>().as_flat(),
        &[NAN, NAN, NAN, 0.6666666666666666],
        "var_axis1",
    );
    same(
        m.std_axis::<0>().as_flat(),
        &[NAN, NAN, 1.7853571071357126],
        "std_axis0",
    );
    same(
        m.std_axis::<1>().as_flat(),
        &[NAN, NAN, NAN, 0.816496580927726],
        "std_axis1",
    );
    same(m.min_axis::<0>().as_flat(), &[-INF, NAN, -1.0], "min_axis0");
    same(
        m.min_axis::<1>().as_flat(),
        &[NAN, -1.0, -INF, 1.0],
        "min_axis1",
    );
    same(m.max_axis::<0>().as_flat(), &[INF, NAN, 3.0], "max_axis0");
    same(
        m.max_axis::<1>().as_flat(),
        &[NAN, INF, INF, 3.0],
        "max_axis1",
    );
    // np.argmin(m), np.argmax(m): the first NaN; per axis likewise
    assert_eq!(m.argmin(), 1);
    assert_eq!(m.argmax(), 1);
    assert_eq!(m.argmin_axis::<0>(), Tensor::from([2, 0, 1]));
    assert_eq!(m.argmin_axis::<1>(), Tensor::from([[1], [2], [0], [0]]));
    assert_eq!(m.argmax_axis::<0>(), Tensor::from([1, 0, 0]));
    assert_eq!(m.argmax_axis::<1>(), Tensor::from([[1], [0], [1], [2]]));
}

#[test]
fn reductions_of_infinities_and_overflow() {
    // np.sum([inf, -inf]), np.prod([0, inf]), np.var([inf, 1]), np.mean([1e308, 1e308])
    assert!(Tensor::from([INF, -INF]).sum().is_nan());
    assert!(Tensor::from([0.0, INF]).prod().is_nan());
    assert!(Tensor::from([INF, 1.0]).var().is_nan());
    assert_eq!(Tensor::from([1e308, 1e308]).mean(), INF);
    // np.linalg.norm([inf, nan]) -> nan; np.linalg.norm([1e200, 1e200]) -> inf (no rescaling)
    assert!(Tensor::from([INF, NAN]).norm().is_nan());
    assert_eq!(Tensor::from([1e200, 1e200]).norm(), INF);
    assert_eq!(Tensor::from([-INF, 1.0]).norm(), INF);
    // Reductions of infinities alone: np.sum([inf, inf]), np.min([inf, -inf]), np.max(...)
    assert_eq!(Tensor::from([INF, INF]).sum(), INF);
    assert_eq!(Tensor::from([INF, -INF]).min(), -INF);
    assert_eq!(Tensor::from([-INF, -INF]).max(), -INF);
    assert_eq!(Tensor::from([-INF, -INF]).argmax(), 0);
    assert_eq!(Tensor::from([1.0, INF, INF]).argmax(), 1);
}

#[test]
fn products_transpose_and_trace() {
    // np.array([[1, inf], [0, 2]]) @ np.array([[0, 1], [1, nan]])
    let a = Tensor::from([[1.0, INF], [0.0, 2.0]]);
    let b = Tensor::from([[0.0, 1.0], [1.0, NAN]]);
    same(a.matmul(&b).as_flat(), &[INF, NAN, 2.0, NAN], "matmul");
    let mut out = Tensor::zeros();
    a.matmul_into(&b, &mut out);
    same(out.as_flat(), &[INF, NAN, 2.0, NAN], "matmul_into");
    // np.array([[inf, 0]]) @ np.array([[0], [1]]) -> nan: inf * 0 is never skipped
    let p = Tensor::from([INF, 0.0]).matmul(&Tensor::from([[0.0], [1.0]]));
    same(p.as_flat(), &[NAN], "inf * 0 in matmul");
    // np.array([[0, 1]]) @ np.array([[inf], [1]]) -> nan: a zero on the left is not skipped
    let p = Tensor::from([0.0, 1.0]).matmul(&Tensor::from([[INF], [1.0]]));
    same(p.as_flat(), &[NAN], "0 * inf in matmul");
    // Larger shapes go through the blocked kernels: one NaN poisons exactly its row and
    // column of the product, one inf times the zeros of the other factor gives NaN.
    let mut x = Tensor::<f64, 9, 17>::from_fn(|i, j| (i + j) as f64);
    x[(4, 7)] = NAN;
    let y = Tensor::<f64, 17, 13>::ones();
    let p = x.matmul(&y);
    for i in 0..9 {
        for j in 0..13 {
            assert_eq!(p[(i, j)].is_nan(), i == 4, "({i}, {j}): {}", p[(i, j)]);
        }
    }
    let mut z = Tensor::<f64, 17, 13>::zeros();
    z[(3, 5)] = INF;
    let p = Tensor::<f64, 9, 17>::ones().matmul(&z);
    for i in 0..9 {
        for j in 0..13 {
            let want = if j == 5 { INF } else { 0.0 };
            assert_eq!(p[(i, j)], want, "({i}, {j})");
        }
    }
    let p = Tensor::<f64, 9, 17>::zeros().matmul(&z);
    for j in 0..13 {
        assert_eq!(p[(0, j)].is_nan(), j == 5, "0 @ inf, column {j}");
    }
    // matvec: the same rule
    let mv = Tensor::from([[0.0, 1.0], [2.0, 3.0]]).matvec(&Tensor::from([INF, 1.0]));
    same(mv.as_flat(), &[NAN, INF], "matvec");
    // np.dot([1, inf, 2], [0, 1, nan]), np.dot([inf, 1], [1, -inf])
    assert!(
        Tensor::from([1.0, INF, 2.0])
            .dot(&Tensor::from([0.0, 1.0, NAN]))
            .is_nan()
    );
    assert!(
        Tensor::from([INF, 1.0])
            .dot(&Tensor::from([1.0, -INF]))
            .is_nan()
    );
    // np.outer([inf, 0, nan], [0, 1])
    let o = Tensor::from([INF, 0.0, NAN]).outer(&Tensor::from([0.0, 1.0]));
    same(o.as_flat(), &[NAN, INF, 0.0, 0.0, NAN, NAN], "outer");
    // np.trace([[inf, 0], [0, -inf]])
    assert!(Tensor::from([[INF, 0.0], [0.0, -INF]]).trace().is_nan());
    // np.array([[nan, inf, -0.0]]).T keeps the bits
    let t = Tensor::from([NAN, INF, -0.0]).transpose();
    same(t.as_flat(), &[NAN, INF, -0.0], "transpose");
    assert_eq!(t.t().as_flat()[2].to_bits(), (-0.0f64).to_bits());
}

#[test]
fn det_inv_solve_with_nan_and_inf() {
    let n = Tensor::from([[NAN, 1.0], [1.0, 1.0]]);
    // NumPy: np.linalg.det(n) -> 0.0 and inv/solve raise "Singular matrix": LAPACK's pivot
    // search skips the NaN. This library documents that a NaN propagates instead: NaN
    // determinant, and an inverse or solution full of NaN rather than a claim of singularity.
    assert!(n.det().is_nan());
    let inv = n.inv().expect("a NaN is not evidence of singularity");
    assert!(inv.iter().any(|x| x.is_nan()), "{inv:?}");
    let x = n
        .solve(&Tensor::from([[1.0], [2.0]]))
        .expect("NaN propagates");
    assert!(x.iter().any(|x| x.is_nan()), "{x:?}");
    // np.linalg.solve([[2, 0], [0, 4]], [[nan], [8]]) -> [[nan], [nan]]? NumPy gives
    // [[nan], [nan]] (LAPACK's triangular solves mix the rows); here only the NaN's row is
    // NaN, as back substitution on a diagonal matrix does not mix rows. Both are NaN where
    // the exact solution is undefined.
    let x = Tensor::from([[2.0, 0.0], [0.0, 4.0]])
        .solve(&Tensor::from([[NAN], [8.0]]))
        .unwrap();
    assert!(x[(0, 0)].is_nan());
    assert!(x[(1, 0)].is_nan() || x[(1, 0)] == 2.0);
    // np.linalg.det([[inf, 0], [0, 1]]) -> inf; np.linalg.inv(...) -> [[0, 0], [0, 1]]
    let i = Tensor::from([[INF, 0.0], [0.0, 1.0]]);
    assert_eq!(i.det(), INF);
    same(
        i.inv().unwrap().as_flat(),
        &[0.0, 0.0, 0.0, 1.0],
        "inv with inf",
    );
}

#[test]
fn singular_and_nearly_singular_matrices() {
    // Exactly singular: np.linalg.det -> 0.0, inv and solve raise LinAlgError.
    let s = Tensor::from([[1.0, 2.0], [2.0, 4.0]]);
    assert_eq!(s.det(), 0.0);
    assert_eq!(s.inv(), None);
    assert_eq!(s.solve(&Tensor::from([[1.0], [1.0]])), None);
    assert_eq!(Tensor::<f64, 3, 3>::zeros().inv(), None);
    // Singular in exact arithmetic, not necessarily after rounding: [[1, 2, 3], [4, 5, 6],
    // [7, 8, 9]]. NumPy 2 (OpenBLAS) finds an exact zero pivot: det 0.0, inv raises.
    let f = Tensor::from([[1.0f64, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]);
    assert!(f.det().abs() < 1e-14, "{}", f.det());
    assert_eq!(f.inv(), None);
    // Near-singular but invertible: [[1, 1], [1, 1 + 1e-10]] (cond 4e10).
    // np.linalg.det -> 1.0000000827403705e-10
    // np.linalg.inv -> [[9999999173.59636, -9999999172.59636], [-9999999172.59636, 9999999172.59636]]
    let a = Tensor::from([[1.0f64, 1.0], [1.0, 1.0 + 1e-10]]);
    assert!((a.det() - 1.0000000827403705e-10).abs() < 1e-24);
    let inv = a.inv().expect("cond 4e10 is invertible in f64");
    let want = [
        9999999173.59636,
        -9999999172.59636,
        -9999999172.59636,
        9999999172.59636,
    ];
    for (g, w) in inv.iter().zip(want) {
        assert!((g - w).abs() <= 1e-6 * w.abs(), "{g} vs {w}");
    }
    // [[1, 1], [1, 1 + 1e-15]]: the pivot 1.1e-15 is 2.5 times the tolerance 2 * eps.
    // np.linalg.inv -> [[900719925474100.2, -900719925474099.2], [..., 900719925474099.2]]
    let a = Tensor::from([[1.0f64, 1.0], [1.0, 1.0 + 1e-15]]);
    let inv = a.inv().expect("pivot above the tolerance");
    assert!((inv[(0, 0)] - 900719925474100.2).abs() <= 1.0, "{inv:?}");
    // [[1, 1], [1, 1 + eps]]: the pivot is eps, below the tolerance 2 * eps: numerically
    // singular, `None`, where NumPy returns the meaningless [[4503599627370497, ...]] (as
    // `inv`'s docs say). The determinant is still the product of the pivots, as NumPy's.
    // np.linalg.det -> 2.2204460492503185e-16
    let a = Tensor::from([[1.0, 1.0], [1.0, 1.0 + f64::EPSILON]]);
    assert_eq!(a.inv(), None);
    assert!(
        (a.det() - 2.2204460492503185e-16).abs() < 1e-30,
        "{}",
        a.det()
    );
}

#[test]
fn scaled_matrices() {
    let eye = Tensor::<f64, 3, 3>::eye();
    // np.linalg.inv(1e-300 * np.eye(3)) -> 9.999999999999999e+299 * I; det underflows to 0.0
    let inv = (eye * 1e-300)
        .inv()
        .expect("the tolerance scales with the matrix");
    same(
        inv.as_flat(),
        (eye * 9.999999999999999e+299).as_flat(),
        "inv(1e-300 I)",
    );
    assert_eq!((eye * 1e-300).det(), 0.0);
    // np.linalg.inv(1e300 * np.eye(3)) -> 1e-300 * I; det overflows to inf
    let inv = (eye * 1e300)
        .inv()
        .expect("the tolerance scales with the matrix");
    same(inv.as_flat(), (eye * 1e-300).as_flat(), "inv(1e300 I)");
    assert_eq!((eye * 1e300).det(), INF);
    // np.linalg.inv(1e-310 * np.eye(3)) -> [[nan, nan, nan], [nan, nan, nan], [nan, nan, inf]]:
    // the exact inverse 1e310 * I overflows. Here too the diagonal overflows to inf and back
    // substitution multiplies zeros by inf, giving NaN off the diagonal (0 * inf) where the
    // factorization mixes rows; nothing finite and wrong comes out, and the matrix is not called singular.
    let inv = (eye * 1e-310).inv().expect("subnormal but not singular");
    for i in 0..3 {
        for j in 0..3 {
            let x = inv[(i, j)];
            if i == j {
                assert_eq!(x, INF);
            } else {
                assert!(x == 0.0 || x.is_nan(), "({i}, {j}): {x}");
            }
        }
    }
    // A scaled general matrix: np.linalg.inv(1e-300 * np.array([[4, 7], [2, 6]]))
    let a = Tensor::from([[4.0f64, 7.0], [2.0, 6.0]]);
    let inv = (a * 1e-300).inv().unwrap();
    let want = [
        5.999999999999998e+299,
        -6.999999999999997e+299,
        -1.999999999999999e+299,
        3.999999999999999e+299,
    ];
    for (g, w) in inv.iter().zip(want) {
        assert!((g - w).abs() <= 1e-14 * w.abs(), "{g} vs {w}");
    }
    // np.linalg.solve(1e300 * np.array([[4, 7], [2, 6]]), [[1], [2]])
    let x = (a * 1e300).solve(&Tensor::from([[1.0], [2.0]])).unwrap();
    let want = [-7.999999999999997e-301, 5.999999999999999e-301];
    for (g, w) in x.iter().zip(want) {
        assert!((g - w).abs() <= 1e-14 * w.abs(), "{g} vs {w}");
    }
}

mod integers {
    use tensor::prelude::*;

    const MAX: i32 = i32::MAX;
    const MIN: i32 = i32::MIN;

    // NumPy wraps: np.array([MAX, 1], np.int32) + np.int32(1) -> [-2147483648, 2]
    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn add_overflows() {
        assert_eq!(
            Tensor::from([MAX, 1]) + Tensor::from([1, 1]),
            Tensor::from([MIN, 2])
        );
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn broadcast_sub_overflows() {
        let m = Tensor::from([[MIN, 0], [1, 2]]);
        assert_eq!(
            m - Tensor::from([[1], [0]]),
            Tensor::from([[MAX, -1], [1, 2]])
        );
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn scalar_mul_overflows() {
        assert_eq!(Tensor::from([MAX, 3]) * 2, Tensor::from([-2, 6]));
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn in_place_add_overflows() {
        let mut a = Tensor::from([MAX, 0]);
        a += 1;
        assert_eq!(a, Tensor::from([MIN, 1]));
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn negation_of_min_overflows() {
        assert_eq!(-Tensor::from([MIN, 1]), Tensor::from([MIN, -1]));
    }

    // np.abs(np.array([MIN], np.int32)) -> [-2147483648]: the release result matches NumPy.
    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn abs_of_min_overflows() {
        assert_eq!(Tensor::from([MIN, -3]).abs(), Tensor::from([MIN, 3]));
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn square_overflows() {
        assert_eq!(Tensor::from([65536, 3]).square(), Tensor::from([0, 9]));
    }

    // np.array([MAX, 1], np.int32).sum(dtype=np.int32) -> -2147483648
    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn sum_overflows() {
        assert_eq!(Tensor::from([MAX, 1]).sum(), MIN);
    }

    // np.array([MAX, 1, -1], np.int32).sum() -> 2147483647: NumPy wraps every partial sum,
    // and wrapping addition is associative, so the exact total comes back. With overflow
    // checks on, a partial sum that overflows panics even though the total fits, and which
    // partial sums occur depends on the element order and the kernel's grouping
    // (`[MAX, 1, -1]` panics, `[MAX, -1, 1]` does not): either way no wrong value comes out.
    #[test]
    fn sum_with_an_overflowing_partial_sum_is_exact_or_panics() {
        for v in [
            [MAX, 1, -1, 0, 0],
            [MAX, -1, 1, 0, 0],
            [1, MAX, 0, -1, 0],
            [MIN, -1, 0, 0, 1],
        ] {
            let t = Tensor::from(v);
            match std::panic::catch_unwind(|| t.sum()) {
                Ok(sum) => assert_eq!(sum, v.iter().fold(0i32, |a, &b| a.wrapping_add(b)), "{v:?}"),
                Err(_) if cfg!(debug_assertions) => {} // a partial sum overflowed
                Err(_) => panic!("{v:?}: panicked without overflow checks"),
            }
        }
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn sum_axis_overflows() {
        let m = Tensor::from([[MAX, 0], [1, 0]]);
        assert_eq!(m.sum_axis::<0>(), Tensor::from([MIN, 0]));
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn prod_overflows() {
        assert_eq!(Tensor::from([65536, 65536, 1]).prod(), 0);
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn dot_overflows() {
        assert_eq!(Tensor::from([MAX, 1]).dot(&Tensor::from([1, 1])), MIN);
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn matmul_overflows() {
        let a = Tensor::from([[MAX, 1]]);
        let b = Tensor::from([[1], [1]]);
        assert_eq!(a.matmul(&b), Tensor::from([[MIN]]));
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "overflow"))]
    fn trace_overflows() {
        assert_eq!(Tensor::from([[MAX, 0], [0, 1]]).trace(), MIN);
    }

    #[test]
    fn unsigned_wrap_and_saturate_are_explicit() {
        // Wrapping or saturating arithmetic is spelled out with `map`/`zip_map`.
        let a = Tensor::from([250u8, 3]);
        assert_eq!(a.map(|x| x.wrapping_add(10)), Tensor::from([4, 13]));
        assert_eq!(a.map(|x| x.saturating_add(10)), Tensor::from([255, 13]));
    }

    // NumPy returns 0 with a RuntimeWarning: np.array([1], np.int32) // np.int32(0) -> [0].
    // Rust's `/` panics in every build, and so does the tensor's.
    #[test]
    #[should_panic(expected = "divide by zero")]
    fn division_by_zero_panics() {
        let _ = Tensor::from([1, 2]) / Tensor::from([1, 0]);
    }

    #[test]
    #[should_panic(expected = "divide by zero")]
    fn scalar_division_by_zero_panics() {
        let _ = Tensor::from([1, 2]) / 0;
    }

    #[test]
    #[should_panic(expected = "divide by zero")]
    fn in_place_division_by_zero_panics() {
        let mut a = Tensor::from([1, 2]);
        a /= Tensor::from([0, 1]);
    }

    // NumPy wraps: np.array([MIN], np.int32) // np.int32(-1) -> [-2147483648]. Rust's `/`
    // panics on this overflow even without overflow checks (release builds too), unlike
    // `+ - *`: `ops::arith`'s docs ("wrapping when they are off") do not cover division.
    #[test]
    #[should_panic(expected = "overflow")]
    fn min_divided_by_minus_one_panics_in_every_build() {
        let _ = Tensor::from([MIN, 4]) / -1;
    }

    #[test]
    fn mean_of_integers_goes_through_float() {
        // np.array([1, 2], np.int32).mean() -> 1.5; `mean` is for floats (see
        // ui-tests/mean-of-integers.rs), so convert first.
        assert_eq!(Tensor::from([1, 2]).map(f64::from).mean(), 1.5);
        assert_eq!(Tensor::from([MAX, MAX]).map(f64::from).mean(), MAX as f64);
    }
}

/// NaN and infinities at every position of vectors and matrices of lengths around the chunk
/// sizes of vectorized kernels (4, 8, 16, 32 lanes and their remainders), in `f32` and `f64`:
/// whatever a kernel does per lane, a NaN anywhere must reach the result, and the first NaN
/// must win `argmax`/`argmin`, as in NumPy.
mod every_position {
    use tensor::num_traits::{Float, One, Zero};
    use tensor::prelude::*;

    /// A finite value, distinct per index, negative and positive.
    fn value<T: Float>(i: usize) -> T {
        T::from(i as f64 * 0.75 - 3.0).unwrap()
    }

    /// Checks one element type `$t` and length `$n` (a macro: the broadcasting operators need
    /// concrete shapes).
    macro_rules! check {
        ($t:ty, $n:literal) => {{
            type T = $t;
            const N: usize = $n;
            for p in 0..N {
                let with = |special: T| {
                    Vector::<T, N>::from_fn(|_, j| if j == p { special } else { value(j) })
                };
                let nan = with(T::nan());
                let what = format!("{} N={N} p={p}", stringify!($t));
                assert!(nan.max().is_nan() && nan.min().is_nan(), "{what}: max/min");
                assert!(
                    nan.sum().is_nan() && nan.prod().is_nan(),
                    "{what}: sum/prod"
                );
                assert!(
                    nan.mean().is_nan() && nan.var().is_nan() && nan.norm().is_nan(),
                    "{what}"
                );
                assert_eq!(
                    (nan.argmax(), nan.argmin()),
                    (p, p),
                    "{what}: argmax/argmin"
                );
                assert!(nan.dot(&Vector::ones()).is_nan(), "{what}: dot");
                // Elementwise: NaN exactly at p.
                let zeros = Vector::<T, N>::zeros();
                for (name, t) in [
                    ("maximum", nan.maximum(&zeros)),
                    ("minimum", nan.minimum(&zeros)),
                    ("relu", nan.relu()),
                    ("clip", nan.clip(-T::one(), T::one())),
                    ("exp", nan.exp()),
                    ("abs", nan.abs()),
                    ("+", nan + zeros),
                    ("*", nan * T::one()),
                    (
                        "softmax",
                        nan.softmax()
                            .map(|x| if x.is_nan() { x } else { T::zero() }),
                    ),
                ] {
                    for (j, x) in t.iter().enumerate() {
                        let nan_expected = j == p || name == "softmax";
                        assert_eq!(x.is_nan(), nan_expected, "{what}: {name}[{j}] = {x:?}");
                    }
                }
                // Infinities win max/min and argmax/argmin, and sum to themselves.
                let inf = with(T::infinity());
                assert_eq!(
                    (inf.max(), inf.argmax(), inf.sum()),
                    (T::infinity(), p, T::infinity()),
                    "{what}"
                );
                let neg = with(T::neg_infinity());
                assert_eq!(
                    (neg.min(), neg.argmin(), neg.sum()),
                    (T::neg_infinity(), p, T::neg_infinity()),
                    "{what}"
                );
                // A second NaN after the first does not move argmax.
                let mut two = nan;
                two[N - 1] = T::nan();
                assert_eq!(two.argmax(), p, "{what}: first NaN");

                // Matrices: a NaN at (1, p) poisons column p of the axis-0 reductions, row 1 of the
                // axis-1 reductions and row 1 of a matrix product.
                let m = Tensor::<T, 3, N>::from_fn(|i, j| {
                    if (i, j) == (1, p) {
                        T::nan()
                    } else {
                        value(i * N + j)
                    }
                });
                let axis0 = [
                    m.sum_axis::<0>(),
                    m.max_axis::<0>(),
                    m.min_axis::<0>(),
                    m.mean_axis::<0>(),
                    m.prod_axis::<0>(),
                    m.var_axis::<0>(),
                ];
                for (k, r) in axis0.iter().enumerate() {
                    for (j, x) in r.iter().enumerate() {
                        assert_eq!(
                            x.is_nan(),
                            j == p,
                            "{what}: axis-0 reduction {k}, column {j}"
                        );
                    }
                }
                let axis1 = [
                    m.sum_axis::<1>(),
                    m.max_axis::<1>(),
                    m.min_axis::<1>(),
                    m.mean_axis::<1>(),
                    m.prod_axis::<1>(),
                    m.std_axis::<1>(),
                ];
                for (k, c) in axis1.iter().enumerate() {
                    for (i, x) in c.iter().enumerate() {
                        assert_eq!(x.is_nan(), i == 1, "{what}: axis-1 reduction {k}, row {i}");
                    }
                }
                assert_eq!(m.argmax_axis::<0>()[p], 1, "{what}: argmax_axis0");
                assert_eq!(m.argmin_axis::<1>()[(1, 0)], p, "{what}: argmin_axis1");
                let prod = m.matmul(&Tensor::<T, N, 5>::ones());
                for ((i, j), x) in (0..3)
                    .flat_map(|i| (0..5).map(move |j| (i, j)))
                    .zip(prod.iter())
                {
                    assert_eq!(x.is_nan(), i == 1, "{what}: matmul ({i}, {j})");
                }
                let t = m.transpose().matmul(&Tensor::<T, 3, 2>::ones());
                for (j, row) in t.rows().enumerate() {
                    assert_eq!(
                        row.iter().all(|x| x.is_nan()),
                        j == p,
                        "{what}: (m.T @ 1) row {j}"
                    );
                }
            }
        }};
    }

    macro_rules! lengths {
        ($($n:literal)*) => {
            #[test]
            fn f32_nan_and_inf_at_every_position() {
                $(check!(f32, $n);)*
            }
            #[test]
            fn f64_nan_and_inf_at_every_position() {
                $(check!(f64, $n);)*
            }
        };
    }

    lengths!(1 2 3 4 5 7 8 9 15 16 17 31 32 33 63 64 65);
}
