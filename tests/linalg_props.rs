//! Properties of the linear algebra over random matrices up to 16x16, in f32 and f64, against
//! independent references (naive loops in f64 or i64, cofactor expansion) and identities.
//!
//! Tolerances (`eps` is the element type's machine epsilon, `n`/`k` the dimension):
//! - `matmul`: `|C - C_ref| <= (k + 1) * eps * (|A| |B|)` elementwise, `C_ref` in f64; integers exact;
//! - transpose identities: exact (the same products are summed in the same order);
//! - on diagonally dominant matrices `(V + n I) / n`: `|A inv(A) - I| <= 16 n eps`,
//!   `det` vs cofactor expansion, `det(AB) = det(A) det(B)`, `det(inv A) = 1 / det(A)`
//!   within `16 n eps` relative error;
//! - `solve` on any random matrix that passes the singularity test: the normwise backward
//!   error `|A x - b|_inf <= 16 n eps (|A|_inf |x|_inf + |b|_inf)` per right-hand side (LU
//!   with partial pivoting is normwise backward stable; not componentwise: where `A` has a
//!   zero, `|L| |U|` need not).

use proptest::prelude::*;
use tensor::Tensor;

fn tensor_from<T: Copy, const R: usize, const C: usize>(v: &[T]) -> Tensor<T, R, C> {
    Tensor::from_fn(|i, j| v[i * C + j])
}

/// `a @ b` and `|a| @ |b|` by the textbook triple loop in f64.
fn naive(a: &[f64], b: &[f64], r: usize, k: usize, c: usize) -> (Vec<f64>, Vec<f64>) {
    let mut out = vec![0.0; r * c];
    let mut abs = vec![0.0; r * c];
    for i in 0..r {
        for j in 0..c {
            for p in 0..k {
                out[i * c + j] += a[i * k + p] * b[p * c + j];
                abs[i * c + j] += (a[i * k + p] * b[p * c + j]).abs();
            }
        }
    }
    (out, abs)
}

/// The determinant by cofactor expansion along the first row, in f64 (n <= 6).
fn cofactor_det(a: &[f64], n: usize) -> f64 {
    if n == 0 {
        return 1.0;
    }
    (0..n)
        .map(|j| {
            let minor: Vec<f64> = (1..n)
                .flat_map(|i| (0..n).filter(move |&c| c != j).map(move |c| (i, c)))
                .map(|(i, c)| a[i * n + c])
                .collect();
            let sign = if j % 2 == 0 { 1.0 } else { -1.0 };
            sign * a[j] * cofactor_det(&minor, n - 1)
        })
        .sum()
}

macro_rules! matmul_props {
    ($($name:ident: $r:literal x $k:literal x $c:literal;)*) => {$(
        proptest! {
            #[test]
            fn $name(
                a in proptest::collection::vec(-10.0f64..10.0, $r * $k),
                b in proptest::collection::vec(-10.0f64..10.0, $k * $c),
                ai in proptest::collection::vec(-1000i64..1000, $r * $k),
                bi in proptest::collection::vec(-1000i64..1000, $k * $c),
            ) {
                let (want, scale) = naive(&a, &b, $r, $k, $c);
                // f64
                let (ta, tb) = (tensor_from::<f64, $r, $k>(&a), tensor_from::<f64, $k, $c>(&b));
                let got = ta.matmul(&tb);
                let tol = ($k as f64 + 1.0) * f64::EPSILON;
                for (idx, g) in got.iter().enumerate() {
                    prop_assert!((g - want[idx]).abs() <= tol * scale[idx], "f64 {idx}: {g} vs {}", want[idx]);
                }
                // f32: inputs rounded to f32, the reference computed from the rounded inputs.
                let a32: Vec<f32> = a.iter().map(|&x| x as f32).collect();
                let b32: Vec<f32> = b.iter().map(|&x| x as f32).collect();
                let (want32, scale32) = naive(
                    &a32.iter().map(|&x| f64::from(x)).collect::<Vec<_>>(),
                    &b32.iter().map(|&x| f64::from(x)).collect::<Vec<_>>(),
                    $r, $k, $c,
                );
                let got32 = tensor_from::<f32, $r, $k>(&a32).matmul(&tensor_from::<f32, $k, $c>(&b32));
                let tol32 = ($k as f64 + 1.0) * f64::from(f32::EPSILON);
                for (idx, &g) in got32.iter().enumerate() {
                    prop_assert!((f64::from(g) - want32[idx]).abs() <= tol32 * scale32[idx], "f32 {idx}");
                }
                // integers: exact
                let (ia, ib) = (tensor_from::<i64, $r, $k>(&ai), tensor_from::<i64, $k, $c>(&bi));
                let gi = ia.matmul(&ib);
                for i in 0..$r {
                    for j in 0..$c {
                        let w: i64 = (0..$k).map(|p| ai[i * $k + p] * bi[p * $c + j]).sum();
                        prop_assert_eq!(gi[(i, j)], w);
                    }
                }
                // (AB)^T = B^T A^T up to rounding: the path follows the shape, so the two
                // products may round differently (e.g. the unfused loop for `(16, 5) @ (5, 9)`,
                // fused multiply-adds for `(9, 5) @ (5, 16)`); matmul_into agrees with matmul.
                let bt_at = tb.t().matmul(&ta.t());
                for i in 0..$r {
                    for j in 0..$c {
                        let idx = i * $c + j;
                        prop_assert!((got[(i, j)] - bt_at[(j, i)]).abs() <= 2.0 * tol * scale[idx]);
                    }
                }
                let mut into = Tensor::<f64, $r, $c>::full(f64::NAN);
                ta.matmul_into(&tb, &mut into);
                prop_assert_eq!(into, got);
            }
        }
    )*};
}

matmul_props! {
    matmul_1x7x3: 1 x 7 x 3;
    matmul_3x1x5: 3 x 1 x 5;
    matmul_4x4x4: 4 x 4 x 4;
    matmul_16x5x9: 16 x 5 x 9;
    matmul_16x16x16: 16 x 16 x 16;
}

macro_rules! square_props {
    ($($name:ident: $t:ty, $n:literal;)*) => {$(
        proptest! {
            #[test]
            fn $name(
                a in proptest::collection::vec(-1.0f64..1.0, $n * $n),
                b in proptest::collection::vec(-1.0f64..1.0, $n * $n),
                rhs in proptest::collection::vec(-10.0f64..10.0, $n * 2),
            ) {
                type T = $t;
                let n = $n as f64;
                let eps = f64::from(T::EPSILON);
                // Diagonally dominant, `(V + n I) / n`: |a_ii| >= (n - 1) / n > the sum of the
                // other |a_ij| in the row, so cond(A) is small and det(A) is of order 1 (no
                // overflow in f32 even for det(AB)).
                let dominant = |v: &[f64]| Tensor::<T, $n, $n>::from_fn(|i, j| {
                    ((v[i * $n + j] + if i == j { n } else { 0.0 }) / n) as T
                });
                let (da, db) = (dominant(&a), dominant(&b));
                let tol = 16.0 * n * eps;

                let inv = da.inv().expect("a diagonally dominant matrix is invertible");
                let id = da.matmul(&inv);
                for i in 0..$n {
                    for j in 0..$n {
                        let want = if i == j { 1.0 } else { 0.0 };
                        prop_assert!((f64::from(id[(i, j)]) - want).abs() <= tol, "A inv(A) ({i}, {j}) = {}", id[(i, j)]);
                    }
                }
                let rel = |x: T, y: f64| (f64::from(x) - y).abs() <= tol * y.abs();
                let (det_a, det_b) = (da.det(), db.det());
                if $n <= 6 {
                    let flat: Vec<f64> = da.iter().map(|&x| f64::from(x)).collect();
                    let want = cofactor_det(&flat, $n);
                    prop_assert!(rel(det_a, want), "det {det_a} vs cofactor {want}");
                }
                let det_ab = da.matmul(&db).det();
                prop_assert!(rel(det_ab, f64::from(det_a) * f64::from(det_b)), "det(AB) {det_ab} vs {det_a} * {det_b}");
                prop_assert!(rel(inv.det(), 1.0 / f64::from(det_a)));
                prop_assert!(rel(da.t().det(), f64::from(det_a)));

                // Backward error of solve on a general random matrix (any conditioning), per
                // right-hand side, the residual in f64 from the computed x.
                let ga = Tensor::<T, $n, $n>::from_fn(|i, j| a[i * $n + j] as T);
                let gb = Tensor::<T, $n, 2>::from_fn(|i, j| rhs[i * 2 + j] as T);
                if let Some(x) = ga.solve(&gb) {
                    let norm_a = (0..$n)
                        .map(|i| (0..$n).map(|p| f64::from(ga[(i, p)]).abs()).sum::<f64>())
                        .fold(0.0, crate::common::fmax);
                    for j in 0..2 {
                        let col_max = |f: &dyn Fn(usize) -> f64| (0..$n).map(|i| f(i).abs()).fold(0.0, crate::common::fmax);
                        let err = col_max(&|i| {
                            (0..$n).map(|p| f64::from(ga[(i, p)]) * f64::from(x[(p, j)])).sum::<f64>()
                                - f64::from(gb[(i, j)])
                        });
                        let scale = norm_a * col_max(&|p| f64::from(x[(p, j)])) + col_max(&|i| f64::from(gb[(i, j)]));
                        prop_assert!(err <= tol * scale, "residual of column {j}: {err} > {}", tol * scale);
                    }
                }
                // solve agrees with inv on the well-conditioned matrix.
                let gb_d = Tensor::<T, $n, 2>::from_fn(|i, j| rhs[i * 2 + j] as T);
                let x = da.solve(&gb_d).unwrap();
                let y = inv.matmul(&gb_d);
                for (p, q) in x.iter().zip(y.iter()) {
                    prop_assert!(f64::from(*p - *q).abs() <= tol * 10.0 * (1.0 + f64::from(q.abs())));
                }
            }
        }
    )*};
}

square_props! {
    square_f64_1: f64, 1;
    square_f64_2: f64, 2;
    square_f64_3: f64, 3;
    square_f64_5: f64, 5;
    square_f64_8: f64, 8;
    square_f64_16: f64, 16;
    square_f32_2: f32, 2;
    square_f32_4: f32, 4;
    square_f32_6: f32, 6;
    square_f32_16: f32, 16;
}

#[test]
fn dot_and_outer_match_references() {
    let v = Tensor::from([1.5, -2.0, 0.25, 4.0]);
    let w = Tensor::from([2.0, 0.5, -8.0, 1.0]);
    assert_eq!(v.dot(&w), 3.0 - 1.0 - 2.0 + 4.0);
    assert_eq!(v.dot(&w), v.matmul(&w.t())[(0, 0)]);
    assert_eq!(v.outer(&w), v.t().matmul(&w));
    assert_eq!(Tensor::from([1, 2, 3]).dot(&Tensor::from([4, 5, 6])), 32);
}
