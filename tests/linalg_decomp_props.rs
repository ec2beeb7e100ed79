//! Identities of the decompositions over random matrices of many shapes, in f32 and f64, with
//! the conditioning varied (columns scaled by up to `10^-6` in f64, `10^-3` in f32) and
//! rank-deficient inputs (a column repeated): `Q R = A`, `Q^T Q = I`, `U diag(S) Vt = A`,
//! `U^T U = I`, `Vt Vt^T = I`, `A v = lambda v`, `V^T V = I`, `L L^T = A`, the Penrose
//! conditions of `pinv`, the normal equations of `lstsq`, and `rcond` against the exact
//! `1 / (|A|_1 |A^-1|_1)`.
//!
//! Tolerances are backward-error bounds: `c * n * eps` times the scale of the matrix (`|A|`,
//! `S.max()`, `max |lambda|`), with `c = 8` (16 for the products of three factors), `eps`
//! the element type's and `n = max(M, N)`. The checks are computed in f64 from the outputs.

use proptest::prelude::*;
use tensor::Tensor;
use tensor::num_traits::Float;
use tensor::shape::{Dim, MinDim, SameRows};
use tensor::{Element, Shape};

fn to64<T: Into<f64> + Copy, const R: usize, const C: usize>(t: &Tensor<T, R, C>) -> Vec<f64> {
    t.iter().map(|&x| x.into()).collect()
}

/// `a (r x k) @ b (k x c)` in f64.
fn mul(a: &[f64], b: &[f64], r: usize, k: usize, c: usize) -> Vec<f64> {
    let mut out = vec![0.0; r * c];
    for i in 0..r {
        for p in 0..k {
            for j in 0..c {
                out[i * c + j] += a[i * k + p] * b[p * c + j];
            }
        }
    }
    out
}

fn transpose(a: &[f64], r: usize, c: usize) -> Vec<f64> {
    (0..c * r).map(|x| a[(x % r) * c + x / r]).collect()
}

fn max_diff(a: &[f64], b: &[f64]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, crate::common::fmax)
}

fn eye(n: usize) -> Vec<f64> {
    (0..n * n)
        .map(|x| if x / n == x % n { 1.0 } else { 0.0 })
        .collect()
}

fn max_abs(a: &[f64]) -> f64 {
    a.iter().fold(0.0, |m, x| m.max(x.abs()))
}

/// The test matrix: `values` in [-1, 1], column `j` scaled by `10^-(exps[j])`, and column
/// `N-1` replaced by a multiple of column 0 when `deficient`.
fn matrix<T: Element + Float, const M: usize, const N: usize>(
    values: &[f64],
    exps: &[f64],
    deficient: bool,
) -> Tensor<T, M, N> {
    Tensor::from_fn(|i, j| {
        let (src, f) = if deficient && N > 1 && j == N - 1 {
            (0, -0.5)
        } else {
            (j, 1.0)
        };
        T::from(values[i * N + src] * 10f64.powf(-exps[src]) * f).unwrap()
    })
}

fn check<T, const M: usize, const N: usize, const K: usize>(
    values: &[f64],
    exps: &[f64],
    deficient: bool,
) -> Result<(), TestCaseError>
where
    T: Element + Float + Into<f64>,
    Shape<M, N>: MinDim<Min = Dim<K>> + SameRows<Shape<M, 1>>,
{
    let a: Tensor<T, M, N> = matrix(values, exps, deficient);
    let af = to64(&a);
    let eps = T::epsilon().into();
    let n = M.max(N).max(1) as f64;
    let scale = max_abs(&af).max(f64::MIN_POSITIVE);
    let tol = |c: f64| c * n * eps;

    // QR
    let (q, r) = a.qr();
    let (qf, rf) = (to64(&q), to64(&r));
    prop_assert!(
        max_diff(&mul(&qf, &rf, M, K, N), &af) <= tol(16.0) * scale,
        "Q R = A"
    );
    prop_assert!(
        max_diff(&mul(&transpose(&qf, M, K), &qf, K, M, K), &eye(K)) <= tol(8.0),
        "Q^T Q = I"
    );
    for i in 0..K {
        for j in 0..i.min(N) {
            prop_assert!(rf[i * N + j] == 0.0, "R is upper triangular");
        }
    }

    // SVD
    let (u, s, vt) = a.svd();
    let (uf, sf, vtf) = (to64(&u), to64(&s), to64(&vt));
    let smax = sf.first().copied().unwrap_or(0.0);
    prop_assert!(
        sf.windows(2).all(|w| w[0] >= w[1]) && sf.iter().all(|&x| x >= 0.0),
        "S sorted, >= 0"
    );
    let us: Vec<f64> = (0..M * K).map(|x| uf[x] * sf[x % K]).collect();
    prop_assert!(
        max_diff(&mul(&us, &vtf, M, K, N), &af) <= tol(16.0) * smax.max(f64::MIN_POSITIVE),
        "U S Vt = A"
    );
    prop_assert!(
        max_diff(&mul(&transpose(&uf, M, K), &uf, K, M, K), &eye(K)) <= tol(8.0),
        "U^T U = I"
    );
    prop_assert!(
        max_diff(&mul(&vtf, &transpose(&vtf, K, N), K, N, K), &eye(K)) <= tol(8.0),
        "Vt Vt^T = I"
    );
    if deficient && M >= N && N > 1 {
        prop_assert!(a.matrix_rank(None) < K, "a repeated column lowers the rank");
    }

    // pinv: A P A = A and P A P = P.
    let p = to64(&a.pinv(Some(T::from(n).unwrap() * T::epsilon())));
    let apa = mul(&mul(&af, &p, M, N, M), &af, M, M, N);
    let kept = sf
        .iter()
        .copied()
        .filter(|&x| x > n * eps * smax)
        .fold(f64::INFINITY, crate::common::fmin);
    if kept.is_finite() {
        let cond = smax / kept;
        prop_assert!(
            max_diff(&apa, &af) <= tol(64.0) * cond * smax,
            "A pinv(A) A = A"
        );
        let pap = mul(&mul(&p, &af, N, M, N), &p, N, N, M);
        prop_assert!(
            max_diff(&pap, &p) <= tol(64.0) * cond / kept,
            "pinv A pinv = pinv"
        );
    }

    // lstsq: the residual is orthogonal to the range, A^T (A x - b) = 0, for full column rank.
    let b: Tensor<T, M, 1> = Tensor::from_fn(|i, _| T::from(values[i % values.len()]).unwrap());
    let fit = a.lstsq(&b, None);
    if fit.rank == N && N <= M {
        let x = to64(&fit.solution);
        let r: Vec<f64> = mul(&af, &x, M, N, 1)
            .iter()
            .zip(to64(&b))
            .map(|(p, q)| p - q)
            .collect();
        let g = mul(&transpose(&af, M, N), &r, N, M, 1);
        let cond = smax / sf[K - 1];
        let xn = max_abs(&x);
        prop_assert!(
            max_abs(&g) <= tol(64.0) * cond * smax * (smax * xn + 1.0),
            "normal equations"
        );
    }
    Ok(())
}

fn check_square<T, const N: usize>(values: &[f64], exps: &[f64]) -> Result<(), TestCaseError>
where
    T: Element + Float + Into<f64>,
    Shape<N, N>: MinDim<Min = Dim<N>>,
{
    let a: Tensor<T, N, N> = matrix(values, exps, false);
    let eps = T::epsilon().into();
    let n = N as f64;

    // eigh of the symmetric part.
    let sym = Tensor::<T, N, N>::from_fn(|i, j| {
        let two = T::one() + T::one();
        (a[(i, j)] + a[(j, i)]) / two
    });
    let sf = to64(&sym);
    let (w, v) = sym.eigh();
    let (wf, vf) = (to64(&w), to64(&v));
    let wmax = max_abs(&wf).max(f64::MIN_POSITIVE);
    prop_assert!(wf.windows(2).all(|p| p[0] <= p[1]), "eigenvalues ascending");
    let vw: Vec<f64> = (0..N * N).map(|x| vf[x] * wf[x % N]).collect();
    prop_assert!(
        max_diff(&mul(&sf, &vf, N, N, N), &vw) <= 16.0 * n * eps * wmax,
        "A V = V diag(w)"
    );
    prop_assert!(
        max_diff(&mul(&transpose(&vf, N, N), &vf, N, N, N), &eye(N)) <= 8.0 * n * eps,
        "V^T V = I"
    );

    // Cholesky of A A^T + I * 1e-3 |A|^2 (positive definite).
    let af = to64(&a);
    let scale2 = max_abs(&af).powi(2);
    let spd = Tensor::<T, N, N>::from_fn(|i, j| {
        let d: f64 = (0..N).map(|k| af[i * N + k] * af[j * N + k]).sum();
        T::from(
            d + if i == j {
                1e-3 * scale2 + f64::MIN_POSITIVE
            } else {
                0.0
            },
        )
        .unwrap()
    });
    let l = spd.cholesky();
    prop_assert!(l.is_some(), "a positive definite matrix factors");
    let lf = to64(&l.unwrap());
    let spdf = to64(&spd);
    prop_assert!(
        max_diff(&mul(&lf, &transpose(&lf, N, N), N, N, N), &spdf)
            <= 8.0 * n * eps * max_abs(&spdf),
        "L L^T = A"
    );
    prop_assert!((0..N).all(|i| lf[i * N + i] > 0.0 && (i + 1..N).all(|j| lf[i * N + j] == 0.0)));

    // rcond against 1 / (|A|_1 |A^-1|_1) with the inverse computed in f64.
    let a64 = Tensor::<f64, N, N>::from_fn(|i, j| af[i * N + j]);
    if let Some(inv) = a64.inv() {
        let one = |t: &Tensor<f64, N, N>| {
            (0..N)
                .map(|j| (0..N).map(|i| t[(i, j)].abs()).sum::<f64>())
                .fold(0.0, crate::common::fmax)
        };
        let exact = 1.0 / (one(&a64) * one(&inv));
        let est: f64 = a.rcond().into();
        let c = 1.0 / exact;
        if c * eps < 1e-3 {
            // An estimate of |A^-1| from below: rcond is at least the exact value (up to the
            // rounding of the factorization), and in practice within a factor n.
            prop_assert!(
                est >= exact * (1.0 - 64.0 * n * eps * c),
                "rcond {est:e} < exact {exact:e}"
            );
            prop_assert!(
                est <= exact * 3.0 * n,
                "rcond {est:e} far above exact {exact:e}"
            );
        }
    }
    Ok(())
}

/// 48 cases per property, or `PROPTEST_CASES` when set (an explicit `with_cases` would
/// otherwise override it): `PROPTEST_CASES=3000 cargo test --release --test
/// linalg_decomp_props` is the stress run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

macro_rules! props {
    ($($name:ident: $t:ident $m:literal x $n:literal, k $k:literal, cond $c:literal;)*) => {$(
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(cases()))]
            #[test]
            fn $name(
                values in proptest::collection::vec(-1.0f64..1.0, $m * $n),
                exps in proptest::collection::vec(0.0f64..$c, $n),
                deficient in proptest::bool::weighted(0.25),
            ) {
                check::<$t, $m, $n, $k>(&values, &exps, deficient)?;
                if $m == $n {
                    check_square::<$t, $m>(&values[..$m * $m], &exps[..$m])?;
                }
            }
        }
    )*};
}

props! {
    f64_1x1: f64 1 x 1, k 1, cond 6.0;
    f64_2x2: f64 2 x 2, k 2, cond 6.0;
    f64_3x3: f64 3 x 3, k 3, cond 6.0;
    f64_4x4: f64 4 x 4, k 4, cond 6.0;
    f64_5x5: f64 5 x 5, k 5, cond 6.0;
    f64_8x8: f64 8 x 8, k 8, cond 6.0;
    f64_13x13: f64 13 x 13, k 13, cond 6.0;
    f64_24x24: f64 24 x 24, k 24, cond 6.0;
    f64_5x3: f64 5 x 3, k 3, cond 6.0;
    f64_3x5: f64 3 x 5, k 3, cond 6.0;
    f64_9x4: f64 9 x 4, k 4, cond 6.0;
    f64_4x9: f64 4 x 9, k 4, cond 6.0;
    f64_1x6: f64 1 x 6, k 1, cond 6.0;
    f64_6x1: f64 6 x 1, k 1, cond 6.0;
    f32_2x2: f32 2 x 2, k 2, cond 3.0;
    f32_3x3: f32 3 x 3, k 3, cond 3.0;
    f32_7x7: f32 7 x 7, k 7, cond 3.0;
    f32_16x16: f32 16 x 16, k 16, cond 3.0;
    f32_6x4: f32 6 x 4, k 4, cond 3.0;
    f32_4x6: f32 4 x 6, k 4, cond 3.0;
    // Golub-Kahan-Reinsch (K > 4): square, tall, wide, and the blocks of Cholesky's updates
    // (multiples of 8 and not).
    f64_6x6: f64 6 x 6, k 6, cond 6.0;
    f64_9x9: f64 9 x 9, k 9, cond 6.0;
    f64_7x12: f64 7 x 12, k 7, cond 6.0;
    f64_12x7: f64 12 x 7, k 7, cond 6.0;
    f64_16x5: f64 16 x 5, k 5, cond 6.0;
    f64_5x16: f64 5 x 16, k 5, cond 6.0;
    f64_2x7: f64 2 x 7, k 2, cond 6.0;
    f64_33x33: f64 33 x 33, k 33, cond 6.0;
    f32_9x9: f32 9 x 9, k 9, cond 3.0;
    f32_12x5: f32 12 x 5, k 5, cond 3.0;
    f32_5x12: f32 5 x 12, k 5, cond 3.0;
    f32_32x32: f32 32 x 32, k 32, cond 3.0;
    // QR in place on the rows (more than 1024 elements): tall, wide, odd.
    f64_40x30: f64 40 x 30, k 30, cond 6.0;
    f64_30x37: f64 30 x 37, k 30, cond 6.0;
    f32_48x23: f32 48 x 23, k 23, cond 3.0;
}

/// The test values of a structured matrix: `kind` 0 the zero matrix, 1 rank one (`x y^T`),
/// 2 rank two, 3 an orthogonal-like matrix with equal singular values (a scaled Householder
/// reflection `c (I - 2 u u^T / u^T u)`, square part), 4 one tiny row (graded by `1e-12`),
/// else the random values themselves.
fn structured(kind: usize, m: usize, n: usize, x: &[f64], y: &[f64], values: &[f64]) -> Vec<f64> {
    (0..m * n)
        .map(|ij| {
            let (i, j) = (ij / n, ij % n);
            match kind {
                0 => 0.0,
                1 => x[i] * y[j],
                2 => x[i] * y[j] + y[i % n] * x[j % m],
                3 => {
                    let uu: f64 = x.iter().map(|v| v * v).sum::<f64>().max(1e-300);
                    let d = if i == j { 1.0 } else { 0.0 };
                    0.75 * (d - 2.0 * x[i] * x[j % m] / uu)
                }
                4 if i == m - 1 => values[ij] * 1e-12,
                _ => values[ij],
            }
        })
        .collect()
}

macro_rules! structured_props {
    ($($name:ident: $m:literal x $n:literal, k $k:literal;)*) => {$(
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(cases()))]
            #[test]
            fn $name(
                kind in 0usize..6,
                x in proptest::collection::vec(-1.0f64..1.0, $m.max($n)),
                y in proptest::collection::vec(-1.0f64..1.0, $m.max($n)),
                values in proptest::collection::vec(-1.0f64..1.0, $m * $n),
            ) {
                let v = structured(kind, $m, $n, &x, &y, &values);
                check::<f64, $m, $n, $k>(&v, &[0.0; $n], false)?;
                if $m == $n {
                    check_square::<f64, $m>(&v, &[0.0; $n])?;
                }
                let v32: Vec<f64> = v.iter().map(|&x| x as f32 as f64).collect();
                check::<f32, $m, $n, $k>(&v32, &[0.0; $n], false)?;
            }
        }
    )*};
}

structured_props! {
    structured_1x7: 1 x 7, k 1;
    structured_7x1: 7 x 1, k 1;
    structured_2x2: 2 x 2, k 2;
    structured_5x5: 5 x 5, k 5;
    structured_8x8: 8 x 8, k 8;
    structured_11x6: 11 x 6, k 6;
    structured_6x11: 6 x 11, k 6;
    structured_20x20: 20 x 20, k 20;
    structured_35x31: 35 x 31, k 31;
}
