//! The closed forms of `det`, `inv` and `solve` for 2x2, 3x3 and 4x4 (`linalg::closed`),
//! `f32` and `f64`, against independent references over random matrices, and their singular
//! matrix rule at its edges.
//!
//! - references: the Leibniz expansion in f64 (`det`), Gauss-Jordan with partial pivoting in
//!   f64 (`inv`), and the library's LU path, reached by embedding `A` in the `5 x 5`
//!   block-diagonal `diag(A, 1)` (5 is not a closed-form size; `det` is the same, the inverse
//!   and solution are the top-left block);
//! - tolerances: `det` within `8 n eps perm(|A|)` (`perm(|A|)`, the Leibniz sum of absolute
//!   products, bounds the rounding of every cofactor formula); `inv` and `solve` within
//!   `64 n eps cond(A)` relative to the largest element, on matrices with `cond(A) <= 1e3`;
//! - identities: `A inv(A) = I`, `det(AB) = det(A) det(B)`;
//! - the rule: `None` exactly when `|det(A)| <= n eps max|a_ij|^n`, scale-invariant, NaN
//!   elements give `Some` with NaN, infinite ones the LU result, as the docs of `Tensor::inv`
//!   say.

use proptest::prelude::*;
use tensor::Tensor;

/// Every permutation of `0..n` with its sign.
fn permutations(n: usize) -> Vec<(Vec<usize>, f64)> {
    fn go(prefix: &mut Vec<usize>, n: usize, out: &mut Vec<(Vec<usize>, f64)>) {
        if prefix.len() == n {
            let mut inversions = 0;
            for i in 0..n {
                for j in i + 1..n {
                    if prefix[i] > prefix[j] {
                        inversions += 1;
                    }
                }
            }
            out.push((prefix.clone(), if inversions % 2 == 0 { 1.0 } else { -1.0 }));
            return;
        }
        for k in 0..n {
            if !prefix.contains(&k) {
                prefix.push(k);
                go(prefix, n, out);
                prefix.pop();
            }
        }
    }
    let mut out = Vec::new();
    go(&mut Vec::new(), n, &mut out);
    out
}

/// `(det(A), perm(|A|))` by the Leibniz formula, in f64.
fn leibniz(a: &[f64], n: usize) -> (f64, f64) {
    permutations(n)
        .iter()
        .fold((0.0, 0.0), |(d, p), (perm, sign)| {
            let prod: f64 = (0..n).map(|i| a[i * n + perm[i]]).product();
            (d + sign * prod, p + prod.abs())
        })
}

/// The inverse by Gauss-Jordan elimination with partial pivoting, in f64.
fn gauss_jordan(a: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut m = a.to_vec();
    let mut inv: Vec<f64> = (0..n * n)
        .map(|k| if k / n == k % n { 1.0 } else { 0.0 })
        .collect();
    for c in 0..n {
        let p = (c..n).max_by(|&i, &j| m[i * n + c].abs().total_cmp(&m[j * n + c].abs()))?;
        if m[p * n + c] == 0.0 {
            return None;
        }
        for j in 0..n {
            m.swap(c * n + j, p * n + j);
            inv.swap(c * n + j, p * n + j);
        }
        let d = m[c * n + c];
        for j in 0..n {
            m[c * n + j] /= d;
            inv[c * n + j] /= d;
        }
        for i in 0..n {
            if i != c {
                let f = m[i * n + c];
                for j in 0..n {
                    m[i * n + j] -= f * m[c * n + j];
                    inv[i * n + j] -= f * inv[c * n + j];
                }
            }
        }
    }
    Some(inv)
}

fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

/// The infinity-norm condition number `||A|| ||inv(A)||` from the f64 reference inverse.
fn cond(a: &[f64], inv: &[f64], n: usize) -> f64 {
    let norm = |m: &[f64]| {
        (0..n)
            .map(|i| (0..n).map(|j| m[i * n + j].abs()).sum::<f64>())
            .fold(0.0, crate::common::fmax)
    };
    norm(a) * norm(inv)
}

macro_rules! closed_form_props {
    ($name:ident, $t:ident, $n:literal) => {
        mod $name {
            use super::*;

            const N: usize = $n;
            const EPS: f64 = $t::EPSILON as f64;

            fn tensor(v: &[$t]) -> Tensor<$t, N, N> {
                Tensor::from_fn(|i, j| v[i * N + j])
            }

            /// `diag(A, 1)`: the same matrix through the LU path.
            fn embedded(a: &Tensor<$t, N, N>) -> Tensor<$t, 5, 5> {
                Tensor::from_fn(|i, j| match (i < N, j < N) {
                    (true, true) => a[(i, j)],
                    _ if i == j => 1.0,
                    _ => 0.0,
                })
            }

            fn wide(a: &Tensor<$t, N, N>) -> Vec<f64> {
                a.iter().map(|&x| f64::from(x)).collect()
            }

            fn entries() -> impl Strategy<Value = Vec<$t>> {
                proptest::collection::vec(-1.0 as $t..1.0, N * N)
            }

            proptest! {
                #![proptest_config(ProptestConfig::with_cases(400))]

                #[test]
                fn det_matches_leibniz_and_lu(v in entries(), scale in -20i32..20) {
                    let s = (2.0 as $t).powi(scale);
                    let a = tensor(&v).map(|x| x * s);
                    let (want, perm) = leibniz(&wide(&a), N);
                    let tol = 8.0 * N as f64 * EPS * perm;
                    let got = f64::from(a.det());
                    prop_assert!((got - want).abs() <= tol, "det {got} vs Leibniz {want} (tol {tol})");
                    let lu = f64::from(embedded(&a).det());
                    prop_assert!((got - lu).abs() <= 2.0 * tol, "det {got} vs LU {lu}");
                }

                #[test]
                fn inv_matches_gauss_jordan_and_lu(v in entries()) {
                    let a = tensor(&v);
                    let w = wide(&a);
                    let reference = gauss_jordan(&w, N).unwrap();
                    let k = cond(&w, &reference, N);
                    prop_assume!(k <= 1e3);
                    let tol = 64.0 * N as f64 * EPS * k * max_abs(&reference);
                    let inv = a.inv().expect("a matrix with cond <= 1e3 is invertible");
                    let lu = embedded(&a).inv().expect("and so is diag(A, 1)");
                    for i in 0..N {
                        for j in 0..N {
                            let (x, r, l) = (f64::from(inv[(i, j)]), reference[i * N + j], f64::from(lu[(i, j)]));
                            prop_assert!((x - r).abs() <= tol, "inv[{i}][{j}] {x} vs {r} (tol {tol})");
                            prop_assert!((x - l).abs() <= 2.0 * tol, "inv[{i}][{j}] {x} vs LU {l}");
                        }
                    }
                    // A inv(A) = I.
                    let p = a.matmul(&inv);
                    for i in 0..N {
                        for j in 0..N {
                            let want = if i == j { 1.0 } else { 0.0 };
                            prop_assert!((f64::from(p[(i, j)]) - want).abs() <= 64.0 * N as f64 * EPS * k);
                        }
                    }
                }

                #[test]
                fn solve_matches_inverse_and_lu(v in entries(), b in proptest::collection::vec(-1.0 as $t..1.0, 2 * N)) {
                    let a = tensor(&v);
                    let w = wide(&a);
                    let reference = gauss_jordan(&w, N).unwrap();
                    let k = cond(&w, &reference, N);
                    prop_assume!(k <= 1e3);
                    let bt = Tensor::<$t, N, 2>::from_fn(|i, j| b[i * 2 + j]);
                    let x = a.solve(&bt).expect("invertible");
                    let b5 = Tensor::<$t, 5, 2>::from_fn(|i, j| if i < N { b[i * 2 + j] } else { 0.0 });
                    let x5 = embedded(&a).solve(&b5).expect("invertible");
                    for i in 0..N {
                        for j in 0..2 {
                            let want: f64 = (0..N).map(|p| reference[i * N + p] * f64::from(b[p * 2 + j])).sum();
                            let tol = 64.0 * N as f64 * EPS * k * max_abs(&reference) * N as f64;
                            let got = f64::from(x[(i, j)]);
                            prop_assert!((got - want).abs() <= tol, "x[{i}][{j}] {got} vs {want}");
                            prop_assert!((got - f64::from(x5[(i, j)])).abs() <= 2.0 * tol);
                        }
                    }
                }

                #[test]
                fn det_of_product(v in entries(), u in entries()) {
                    let (a, b) = (tensor(&v), tensor(&u));
                    let ab = a.matmul(&b);
                    let (_, pa) = leibniz(&wide(&a), N);
                    let (_, pb) = leibniz(&wide(&b), N);
                    let (_, pab) = leibniz(&wide(&ab), N);
                    // Each side's rounding, plus the product's own: all bounded by perm(|A|) perm(|B|).
                    let tol = 32.0 * N as f64 * EPS * (pa * pb + pab);
                    let lhs = f64::from(ab.det());
                    let rhs = f64::from(a.det()) * f64::from(b.det());
                    prop_assert!((lhs - rhs).abs() <= tol, "det(AB) {lhs} vs det(A) det(B) {rhs}");
                }

                #[test]
                fn singular_rule(v in entries(), scale in -30i32..30) {
                    // `None` exactly when |det| <= n eps max|a|^n (det as the closed form
                    // computes it), at every scale (powers of 2 keep the values exact).
                    let s = (2.0 as $t).powi(scale);
                    let a = tensor(&v).map(|x| x * s);
                    let m = a.iter().fold(0.0 as $t, |m, x| m.max(x.abs()));
                    let unit = a.map(|x| x / m);
                    let d = f64::from(unit.det()).abs();
                    let singular = d <= N as f64 * EPS;
                    prop_assert_eq!(a.inv().is_none(), singular);
                    prop_assert_eq!(a.solve(&Tensor::<$t, N, 1>::ones()).is_none(), singular);
                }

                #[test]
                fn exactly_singular_is_none(v in entries(), c in -3i32..=3) {
                    // The last row = c * row 0 (+ row 1 for N > 2), on integers so the matrix is
                    // exactly singular.
                    let mut w: Vec<$t> = v.iter().map(|x| (x * 8.0).round()).collect();
                    for j in 0..N {
                        let second = if N > 2 { w[N + j] } else { 0.0 };
                        w[(N - 1) * N + j] = c as $t * w[j] + second;
                    }
                    let a = tensor(&w);
                    prop_assert_eq!(a.det(), 0.0);
                    prop_assert!(a.inv().is_none());
                    // (LU's pivot test, on diag(A, 1), misses some of these: its rounding
                    // leaves a last pivot above 5 eps max|a|. The cofactors of small integers
                    // are exact.)
                    prop_assert!(a.solve(&Tensor::<$t, N, 1>::ones()).is_none());
                }
            }

            #[test]
            fn threshold_edges() {
                // diag(1, .., 1, t): det = t, max = 1, so the rule is t <= n eps; LU's last pivot
                // is t with the same tolerance n eps: the two paths agree here.
                let eps = $t::EPSILON;
                let diag = |t: $t| Tensor::<$t, N, N>::from_fn(|i, j| match (i == j, i == N - 1) {
                    (false, _) => 0.0,
                    (true, false) => 1.0,
                    (true, true) => t,
                });
                let at = diag(N as $t * eps);
                // LU of diag(A, 1) has n = 5: 4 n eps is above both tolerances.
                let above = diag(4.0 * N as $t * eps);
                let just_above = diag(N as $t * eps * (1.0 + 2.0 * eps));
                assert!(just_above.inv().is_some(), "the closed form's threshold is <=");
                assert_eq!(at.inv(), None);
                assert_eq!(embedded(&at).inv().map(|_| ()), None);
                assert!(above.inv().is_some());
                assert!(embedded(&above).inv().is_some());
                assert!(at.det() > 0.0, "det applies no threshold");
                // The same at tiny and huge scales (the scaled path), and for solve.
                // Powers of two, so the scaled matrices are exact.
                let big = (2.0 as $t).powi($t::MAX_EXP - 4);
                for s in [$t::MIN_POSITIVE * 4.0, (2.0 as $t).powi(-64), (2.0 as $t).powi(64), big] {
                    assert_eq!(at.map(|x| x * s).inv(), None, "scale {s}");
                    let inv = above.map(|x| x * s).inv().expect("invertible at every scale");
                    let want = 1.0 / s;
                    assert!(((inv[(0, 0)] - want) / want).abs() <= 4.0 * eps, "scale {s}: {}", inv[(0, 0)]);
                    assert!(above.map(|x| x * s).solve(&Tensor::<$t, N, 1>::ones()).is_some());
                }
                assert_eq!(Tensor::<$t, N, N>::zeros().inv(), None);
                assert_eq!(Tensor::<$t, N, N>::zeros().det(), 0.0);
                assert_eq!(Tensor::<$t, N, N>::eye().inv(), Some(Tensor::eye()));
            }

            #[test]
            fn det_over_the_whole_range() {
                // Entries whose n-th powers over- or underflow, but whose determinant does not.
                let mut a = Tensor::<$t, N, N>::eye();
                a[(0, 0)] = $t::MAX / 4.0;
                a[(1, 1)] = 2.0 / $t::MAX;
                // det = (MAX / 4) (2 / MAX) = 0.5, exactly up to rounding.
                assert!((a.det() - 0.5).abs() <= 4.0 * $t::EPSILON, "{}", a.det());
                let tiny = Tensor::<$t, N, N>::eye().map(|x| x * $t::MIN_POSITIVE.sqrt() * 4.0);
                let want = f64::from($t::MIN_POSITIVE.sqrt() * 4.0).powi(N as i32);
                let got = f64::from(tiny.det());
                // (MIN_POSITIVE^(1/2) 4)^n: denormal or 0 in T for n >= 3, exact otherwise.
                if want >= f64::from($t::MIN_POSITIVE) {
                    assert!(((got - want) / want).abs() <= 4.0 * EPS, "{got} vs {want}");
                }
            }

            #[test]
            fn nan_and_inf() {
                let mut a = Tensor::<$t, N, N>::eye();
                a[(0, 1)] = $t::NAN;
                assert!(a.det().is_nan());
                let inv = a.inv().expect("NaN is not singular: it propagates");
                assert!(inv.iter().any(|x| x.is_nan()));
                assert!(a.solve(&Tensor::<$t, N, 1>::ones()).is_some_and(|x| x.iter().any(|v| v.is_nan())));
                // LU agrees: NaN propagates there too.
                assert!(embedded(&a).inv().is_some_and(|i| i.iter().any(|x| x.is_nan())));

                let mut b = Tensor::<$t, N, N>::eye();
                b[(0, 0)] = $t::INFINITY;
                assert!(!b.det().is_finite());
                // Inverted by LU, as NumPy: inv(diag(inf, 1, ..)) = diag(0, 1, ..).
                let inv = b.inv().expect("an infinite element is not singular");
                let mut want = Tensor::<$t, N, N>::eye();
                want[(0, 0)] = 0.0;
                assert_eq!(inv, want);
                assert_eq!(b.solve(&Tensor::<$t, N, 1>::ones()), Some(want.matmul(&Tensor::<$t, N, 1>::ones())));
            }
        }
    };
}

closed_form_props!(f32_2, f32, 2);
closed_form_props!(f32_3, f32, 3);
closed_form_props!(f32_4, f32, 4);
closed_form_props!(f64_2, f64, 2);
closed_form_props!(f64_3, f64, 3);
closed_form_props!(f64_4, f64, 4);

/// A nearly singular 2x2 (its rows almost parallel) with `b = A x` for a moderate `x`: the
/// adjugate's `adj(A) b / det(A)` cancels to an error of order `cond(A) eps` in `x` and a
/// residual 1e10 times the normwise backward-error bound `eps (|A| |x| + |b|)` that LU with
/// partial pivoting (and NumPy's `solve`) meets, here at 0.16 of it (found by a search in
/// exact rational arithmetic; `tests/linalg_props.rs` found the failure on random matrices).
#[test]
fn solve_is_backward_stable_on_an_ill_conditioned_2x2() {
    let a = Tensor::<f64, 2, 2>::from([
        [-0.042076246589405786, -0.8737626595846855],
        [-0.05883586191760386, -1.2217957482172186],
    ]);
    let b = Tensor::from([[0.3760675779558736], [0.5258610707926217]]);
    let x = a.solve(&b).expect("invertible");
    let row_sum = |i: usize| a[(i, 0)].abs() + a[(i, 1)].abs();
    let norm_a = row_sum(0).max(row_sum(1));
    let (x0, x1) = (x[(0, 0)], x[(1, 0)]);
    let residual = |i: usize| (a[(i, 0)].mul_add(x0, a[(i, 1)] * x1) - b[(i, 0)]).abs();
    let bound = 4.0
        * f64::EPSILON
        * (norm_a * x0.abs().max(x1.abs()) + b[(0, 0)].abs().max(b[(1, 0)].abs()));
    assert!(
        residual(0).max(residual(1)) <= bound,
        "residual {} > {bound}",
        residual(0).max(residual(1))
    );
}
