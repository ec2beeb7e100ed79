//! The closed forms of the small decompositions against independent references: the 2x2 SVD
//! (a rotation, then LAPACK's `dlasv2`) and the unrolled Cholesky factorization of 1x1..8x8
//! (9x9, the general path, beside them).
//!
//! References: the identities `U diag(S) Vt = A`, `U^T U = I`, `Vt Vt^T = I`, `L L^T = A`
//! computed in f64 from the outputs; the singular values of `f32` inputs from the exact
//! formulas in f64 (`s0^2 + s1^2 = |A|_F^2`, `s0 s1 = |det A|`, both exact or nearly so in f64
//! for f32 entries); the 2x2 matrix padded with a zero row, which goes through one-sided
//! Jacobi (a different algorithm); a Cholesky factor computed by the textbook loop in f64.
//! Inputs: random, zero, rank one, equal singular values, graded by rows and by columns,
//! triangular, tiny, huge and subnormal scales, NaN and infinities.

use proptest::prelude::*;
use tensor::Tensor;
use tensor::num_traits::Float;

/// Checks the SVD of the 2x2 `[[a, b], [c, d]]`: the identities to `c eps` of `S.max()`
/// (relative to the largest singular value), `S` sorted and non-negative, `singular_values`
/// equal to `S`, and `S` against the Jacobi SVD of the matrix padded with a zero row.
fn check_svd<T: Float + tensor::Element + Into<f64>>(m: [[T; 2]; 2]) -> Result<(), String> {
    let a = Tensor::from(m);
    let (u, s, vt) = a.svd();
    let f = |x: T| -> f64 { x.into() };
    let eps = f(T::epsilon());
    let s0 = f(s[0]);
    let s1 = f(s[1]);
    if !(s0 >= s1 && s1 >= 0.0) {
        return Err(format!(
            "{m:?}: S = [{s0:e}, {s1:e}] not sorted or negative"
        ));
    }
    if a.singular_values() != s {
        return Err(format!("{m:?}: singular_values differs from svd's S"));
    }
    // Subnormal results carry the absolute rounding of the subnormal range.
    let tiny = f(T::min_positive_value()) * eps * 4.0;
    let tol = 8.0 * eps * s0 + tiny;
    for i in 0..2 {
        for j in 0..2 {
            let usv: f64 = (0..2).map(|k| f(u[(i, k)]) * f(s[k]) * f(vt[(k, j)])).sum();
            if (usv - f(m[i][j])).abs() > tol {
                return Err(format!("{m:?}: (U S Vt)[{i}][{j}] = {usv:e}"));
            }
            let delta = if i == j { 1.0 } else { 0.0 };
            let utu: f64 = (0..2).map(|k| f(u[(k, i)]) * f(u[(k, j)])).sum();
            let vvt: f64 = (0..2).map(|k| f(vt[(i, k)]) * f(vt[(j, k)])).sum();
            if (utu - delta).abs() > 8.0 * eps || (vvt - delta).abs() > 8.0 * eps {
                return Err(format!("{m:?}: U or Vt not orthogonal: {utu:e} {vvt:e}"));
            }
        }
    }
    // One-sided Jacobi on the 3x2 matrix with the same columns and a zero row.
    let padded = Tensor::<T, 3, 2>::from_fn(|i, j| if i < 2 { m[i][j] } else { T::zero() });
    let sj = padded.singular_values();
    for k in 0..2 {
        if (f(sj[k]) - f(s[k])).abs() > 4.0 * eps * s0 + tiny {
            return Err(format!(
                "{m:?}: S[{k}] = {:e}, Jacobi {:e}",
                f(s[k]),
                f(sj[k])
            ));
        }
    }
    Ok(())
}

/// The singular values of a 2x2 `f32` matrix in f64: `s0 s1 = |det|` (the products of two
/// `f32` are exact in f64) and `s0^2 + s1^2 = |A|_F^2`.
fn exact_singular_values(m: [[f64; 2]; 2]) -> [f64; 2] {
    let [[a, b], [c, d]] = m;
    let det = (a * d - b * c).abs();
    let fro2 = a * a + b * b + c * c + d * d;
    let disc =
        ((a - d).powi(2) + (b + c).powi(2)).sqrt() * ((a + d).powi(2) + (b - c).powi(2)).sqrt();
    let s0 = ((fro2 + disc) / 2.0).sqrt();
    let s1 = if s0 > 0.0 { det / s0 } else { 0.0 };
    [s0, s1]
}

fn structured_2x2(kind: usize, x: [f64; 4]) -> [[f64; 2]; 2] {
    let [p, q, r, w] = x;
    match kind {
        0 => [[0.0, 0.0], [0.0, 0.0]],
        1 => [[p * r, p * w], [q * r, q * w]],  // rank one
        2 => [[p, -q], [q, p]],                 // a scaled rotation: equal singular values
        3 => [[p, q], [q, -p]],                 // a scaled reflection: equal singular values
        4 => [[p, q], [r * 1e-9, w * 1e-9]],    // graded by rows
        5 => [[p, q * 1e-9], [r, w * 1e-9]],    // graded by columns
        6 => [[p, q], [0.0, w]],                // upper triangular
        7 => [[p, 0.0], [r, w]],                // lower triangular
        8 => [[p, 0.0], [0.0, w]],              // diagonal
        9 => [[p, q], [p, q]],                  // equal rows
        10 => [[0.0, p], [0.0, 0.0]],           // a single off-diagonal entry
        11 => [[p, q * 1e-20], [r * 1e-20, w]], // nearly diagonal
        _ => [[p, q], [r, w]],
    }
}

#[test]
fn svd_2x2_structured_and_scaled() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    };
    for kind in 0..13 {
        for _ in 0..200 {
            let x = [next(), next(), next(), next()];
            let m = structured_2x2(kind, x);
            for scale in [1.0, 1e-300, 1e300, 3e-320, 1.7e308, 1e-30, 1e30] {
                let m64 = m.map(|r| r.map(|v| v * scale));
                if m64.iter().flatten().any(|v| !v.is_finite()) {
                    continue;
                }
                check_svd::<f64>(m64).unwrap();
            }
            for scale in [1.0f32, 1e-30, 1e30, 1e-42, 3.0e38, 1e-5, 1e5] {
                let m32 = m.map(|r| r.map(|v| v as f32 * scale));
                if m32.iter().flatten().any(|v| !v.is_finite()) {
                    continue;
                }
                check_svd::<f32>(m32).unwrap();
                if scale == 1.0 {
                    // Against the exact singular values: the largest to a few ulps, the smallest
                    // to a few ulps of the largest (or of itself for graded matrices).
                    let s = Tensor::from(m32).singular_values();
                    let m64 = m32.map(|r| r.map(f64::from));
                    let e = exact_singular_values(m64);
                    let eps = f64::from(f32::EPSILON);
                    assert!(
                        (f64::from(s[0]) - e[0]).abs() <= 4.0 * eps * e[0],
                        "{m32:?}"
                    );
                    // Graded by rows (columns), the smallest to a few ulps of itself times the
                    // condition number of the matrix with its rows (columns) normalized.
                    let rel = match kind {
                        4 | 5 => {
                            let t = if kind == 4 {
                                m64
                            } else {
                                [[m64[0][0], m64[1][0]], [m64[0][1], m64[1][1]]]
                            };
                            let n = t.map(|r| {
                                let h = r[0].hypot(r[1]).max(f64::MIN_POSITIVE);
                                [r[0] / h, r[1] / h]
                            });
                            let en = exact_singular_values(n);
                            e[1] * en[0] / en[1].max(f64::MIN_POSITIVE)
                        }
                        _ => e[0],
                    };
                    assert!(
                        (f64::from(s[1]) - e[1]).abs() <= 8.0 * eps * rel + 1e-45,
                        "{m32:?}: {} vs {}",
                        s[1],
                        e[1]
                    );
                }
            }
        }
    }
}

#[test]
fn svd_2x2_exact_cases() {
    let (u, s, vt) = Tensor::from([[3.0f64, 0.0], [0.0, -4.0]]).svd();
    assert_eq!(s, Tensor::from([4.0, 3.0]));
    let usv =
        Tensor::<f64, 2, 2>::from_fn(|i, j| (0..2).map(|k| u[(i, k)] * s[k] * vt[(k, j)]).sum());
    assert_eq!(usv, Tensor::from([[3.0, 0.0], [0.0, -4.0]]));
    let (u, s, vt) = Tensor::<f32, 2, 2>::zeros().svd();
    assert_eq!(s, Tensor::zeros());
    assert_eq!(u.t().matmul(&u), Tensor::eye());
    assert_eq!(vt.matmul(&vt.t()), Tensor::eye());
    assert_eq!(
        Tensor::from([[1.0f64, 1.0], [1.0, 1.0]]).singular_values(),
        Tensor::from([2.0, 0.0])
    );
    let s = Tensor::from([[3e-310f64, 0.0], [0.0, 4e-310]]).singular_values();
    assert_eq!(s, Tensor::from([4e-310, 3e-310]));
    let s = Tensor::from([[f64::MAX, 0.0], [0.0, f64::MAX]]).singular_values();
    assert_eq!(s, Tensor::from([f64::MAX, f64::MAX]));
    // Beyond the largest float: the exact value overflows.
    let s = Tensor::from([[f64::MAX, f64::MAX], [f64::MAX, f64::MAX]]).singular_values();
    assert_eq!(s[0], f64::INFINITY);
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        for k in 0..4 {
            let mut m = [[1.0, 2.0], [3.0, 4.0]];
            m[k / 2][k % 2] = bad;
            let (u, s, vt) = Tensor::from(m).svd();
            assert!(u.iter().chain(&s).chain(&vt).all(|x| x.is_nan()));
        }
    }
}

proptest! {
    #[test]
    fn svd_2x2_random(
        v in proptest::array::uniform4(-1.0f64..1.0),
        e in proptest::array::uniform4(-8.0f64..8.0),
    ) {
        let m = [[v[0] * 10f64.powf(e[0]), v[1] * 10f64.powf(e[1])],
                 [v[2] * 10f64.powf(e[2]), v[3] * 10f64.powf(e[3])]];
        check_svd::<f64>(m).map_err(TestCaseError::fail)?;
        check_svd::<f32>(m.map(|r| r.map(|x| x as f32))).map_err(TestCaseError::fail)?;
    }
}

/// The Cholesky factor by the textbook loop in f64, `None` when a pivot is not positive.
fn reference_cholesky(a: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; n * n];
    for j in 0..n {
        let d = a[j * n + j] - (0..j).map(|k| l[j * n + k] * l[j * n + k]).sum::<f64>();
        if d.is_nan() || d <= 0.0 {
            return None;
        }
        l[j * n + j] = d.sqrt();
        for i in j + 1..n {
            let x = a[i * n + j] - (0..j).map(|k| l[i * n + k] * l[j * n + k]).sum::<f64>();
            l[i * n + j] = x / l[j * n + j];
        }
    }
    Some(l)
}

/// `cholesky` of `A = B B^T + shift I` (scaled): `L L^T = A` to `8 n eps |A|`, `L` lower
/// triangular with a positive diagonal, and close to the f64 reference when `A` is well
/// conditioned.
fn check_cholesky<T: Float + tensor::Element + Into<f64>, const N: usize>(
    b: &[f64],
    shift: f64,
    scale: f64,
) where
    tensor::Shape<N, N>: tensor::shape::SquareDecomposition,
{
    let a = Tensor::<T, N, N>::from_fn(|i, j| {
        let d: f64 = (0..N).map(|k| b[i * N + k] * b[j * N + k]).sum();
        T::from((d + if i == j { shift } else { 0.0 }) * scale).unwrap()
    });
    let af: Vec<f64> = a.iter().map(|&x| x.into()).collect();
    let eps: f64 = T::epsilon().into();
    let amax = af.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let l = a
        .cholesky()
        .unwrap_or_else(|| panic!("{af:?} is positive definite"));
    let lf: Vec<f64> = l.iter().map(|&x| x.into()).collect();
    for i in 0..N {
        assert!(lf[i * N + i] > 0.0);
        for j in 0..N {
            if j > i {
                assert_eq!(lf[i * N + j], 0.0);
            }
            let llt: f64 = (0..N).map(|k| lf[i * N + k] * lf[j * N + k]).sum();
            assert!(
                (llt - af[i * N + j]).abs() <= 8.0 * N as f64 * eps * amax,
                "{af:?}: (L L^T)[{i}][{j}] = {llt:e}"
            );
        }
    }
    if shift >= 1.0 {
        let r = reference_cholesky(&af, N).unwrap();
        let lmax = r.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        for (x, y) in lf.iter().zip(&r) {
            assert!(
                (x - y).abs() <= 16.0 * N as f64 * eps * lmax,
                "{af:?}: {lf:?} vs {r:?}"
            );
        }
    }
}

fn check_cholesky_all<const N: usize>(b: &[f64])
where
    tensor::Shape<N, N>: tensor::shape::SquareDecomposition,
{
    for scale in [1.0, 1e-150, 1e150, 1e-30, 1e30] {
        for shift in [1.0, 1e-3, 1e-6] {
            check_cholesky::<f64, N>(b, shift, scale);
        }
    }
    for scale in [1.0, 1e-15, 1e15] {
        for shift in [1.0, 1e-2] {
            check_cholesky::<f32, N>(b, shift, scale);
        }
    }
}

proptest! {
    #[test]
    fn cholesky_small_random(b in proptest::collection::vec(-1.0f64..1.0, 64)) {
        check_cholesky_all::<1>(&b);
        check_cholesky_all::<2>(&b);
        check_cholesky_all::<3>(&b);
        check_cholesky_all::<4>(&b);
        check_cholesky_all::<5>(&b);
        check_cholesky_all::<7>(&b);
        check_cholesky_all::<8>(&b);
        check_cholesky_all::<9>(&b[..81.min(b.len())].repeat(2));
    }
}

/// Rejections and edge cases of the unrolled sizes: not positive definite, not symmetric
/// beyond rounding, NaN and infinities at every position, subnormal and zero pivots.
#[test]
fn cholesky_small_rejections() {
    fn each<const N: usize>()
    where
        tensor::Shape<N, N>: tensor::shape::SquareDecomposition,
    {
        let spd = Tensor::<f64, N, N>::from_fn(|i, j| if i == j { 4.0 } else { 1.0 });
        assert!(spd.cholesky().is_some());
        assert!(spd.map(|x| x as f32).cholesky().is_some());
        for k in 0..N * N {
            let (i, j) = (k / N, k % N);
            for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
                let mut a = spd;
                a[(i, j)] = bad;
                assert_eq!(a.cholesky(), None, "{bad} at ({i}, {j})");
                assert_eq!(a.map(|x| x as f32).cholesky(), None);
                // Both triangles.
                a[(j, i)] = bad;
                assert_eq!(a.cholesky(), None, "{bad} at ({i}, {j}) and ({j}, {i})");
            }
            if i != j {
                let mut a = spd;
                a[(i, j)] = 1.0 + 1e-10;
                assert_eq!(a.cholesky(), None, "asymmetric at ({i}, {j})");
                a[(i, j)] = 1.0 + f64::EPSILON;
                assert!(a.cholesky().is_some(), "rounding asymmetry at ({i}, {j})");
            }
        }
        // Indefinite, semidefinite, zero, negative diagonal.
        let mut a = spd;
        a[(N - 1, N - 1)] = -1.0;
        assert_eq!(a.cholesky(), None);
        assert_eq!(Tensor::<f64, N, N>::zeros().cholesky(), None);
        if N > 1 {
            assert_eq!(Tensor::<f32, N, N>::full(1.0).cholesky(), None);
        }
        // A subnormal diagonal is positive definite.
        let d = Tensor::<f64, N, N>::eye() * 1e-310;
        let l = d.cholesky().unwrap();
        assert!((l[(0, 0)] - 1e-155).abs() < 1e-168);
        // The largest floats: finite, and the factor too.
        let h = Tensor::<f64, N, N>::eye() * f64::MAX;
        assert_eq!(h.cholesky().unwrap()[(0, 0)], f64::MAX.sqrt());
    }
    each::<1>();
    each::<2>();
    each::<3>();
    each::<4>();
    each::<5>();
    each::<8>();
    each::<9>(); // the general path
}
