//! The decompositions against NumPy: `tests/golden/linalg_decomp/decomp.json` (written by
//! `gen.py` beside it) holds NumPy's `qr`, `svd`, `eigh`, `cholesky`, `lstsq`, `pinv`,
//! `matrix_rank`, norms and condition numbers of ten matrices: square, tall, wide,
//! ill-conditioned, rank-deficient and the 6x6 Hilbert matrix.
//!
//! Tolerances: QR, Cholesky and the singular values follow NumPy's own conventions, so they are
//! compared element by element; singular vectors and eigenvectors are unique up to sign, so
//! each of ours is flipped to agree with NumPy's before comparing. Errors scale with the
//! condition number (`eps * cond` for solutions and factors of full-rank matrices); vectors of
//! rank-deficient matrices that span a null space are not unique and are checked by the
//! identities (`tests/linalg_decomp_props.rs`) instead.

use crate::common;

use serde_json::Value;
use tensor::prelude::*;
use tensor::{MatrixNorm, VectorNorm};

use common::{mat, num};

fn golden() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/linalg_decomp/decomp.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("golden file is JSON")
}

fn tensor<const R: usize, const C: usize>(v: &Value) -> Tensor<f64, R, C> {
    let (rows, cols, flat) = mat(v);
    assert_eq!((rows, cols), (R, C), "golden matrix shape");
    Tensor::from_fn(|i, j| flat[i * C + j])
}

fn vector<const N: usize>(v: &Value) -> Vector<f64, N> {
    let flat: Vec<f64> = v.as_array().expect("a list").iter().map(num).collect();
    assert_eq!(flat.len(), N);
    Tensor::from_fn(|_, j| flat[j])
}

/// Asserts `|got - want| <= tol` elementwise.
#[track_caller]
fn assert_near(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    let worst = got
        .iter()
        .zip(want)
        .map(|(g, w)| (g - w).abs())
        .fold(0.0, common::fmax);
    assert!(
        worst <= tol,
        "{what}: max difference {worst:e} > {tol:e}\n got {got:?}\nwant {want:?}"
    );
}

/// Flips the sign of column `j` of `ours` (and row `j` of `partner`, if given) where it
/// points away from NumPy's column `j`.
fn align_columns<const R: usize, const K: usize, const N: usize>(
    ours: &mut Tensor<f64, R, K>,
    numpy: &Tensor<f64, R, K>,
    partner: Option<&mut Tensor<f64, K, N>>,
) -> [bool; K] {
    let mut flipped = [false; K];
    for j in 0..K {
        let d: f64 = (0..R).map(|i| ours[(i, j)] * numpy[(i, j)]).sum();
        if d < 0.0 {
            flipped[j] = true;
            for i in 0..R {
                ours[(i, j)] = -ours[(i, j)];
            }
        }
    }
    if let Some(p) = partner {
        for (j, &f) in flipped.iter().enumerate() {
            if f {
                for c in 0..N {
                    p[(j, c)] = -p[(j, c)];
                }
            }
        }
    }
    flipped
}

fn check_case<const M: usize, const N: usize, const K: usize>(case: &Value)
where
    tensor::Shape<M, N>: tensor::shape::MinDim<Min = tensor::shape::Dim<K>>
        + tensor::shape::SameRows<tensor::Shape<M, 2>>,
{
    let name = case["name"].as_str().unwrap();
    let a: Tensor<f64, M, N> = tensor(&case["a"]);
    let rank = case["matrix_rank"].as_u64().unwrap() as usize;
    let full_rank = rank == K;
    let s_np: Vector<f64, K> = vector(&case["svd"]["s"]);
    let smax = s_np[0];
    let cond = if full_rank {
        smax / s_np[K - 1]
    } else {
        f64::INFINITY
    };
    let eps = f64::EPSILON;
    let scale = a.iter().fold(0.0f64, |m, x| m.max(x.abs()));

    // Singular values: to a few eps of the largest (Weyl), for every matrix.
    let (mut u, s, mut vt) = a.svd();
    assert_near(
        &format!("{name}: S"),
        s.as_flat(),
        s_np.as_flat(),
        16.0 * eps * smax,
    );
    assert_eq!(a.singular_values(), s, "{name}: singular_values is svd's S");
    // Singular vectors of the nonzero, well-separated singular values.
    let u_np: Tensor<f64, M, K> = tensor(&case["svd"]["u"]);
    let vt_np: Tensor<f64, K, N> = tensor(&case["svd"]["vt"]);
    align_columns(&mut u, &u_np, Some(&mut vt));
    for j in 0..rank {
        let gap = (0..rank)
            .filter(|&i| i != j)
            .map(|i| (s_np[i] - s_np[j]).abs())
            .fold(f64::INFINITY, common::fmin);
        let tol = 64.0 * eps * smax / gap.min(s_np[j]);
        let col = |t: &Tensor<f64, M, K>| (0..M).map(|i| t[(i, j)]).collect::<Vec<_>>();
        let row = |t: &Tensor<f64, K, N>| (0..N).map(|c| t[(j, c)]).collect::<Vec<_>>();
        assert_near(&format!("{name}: U column {j}"), &col(&u), &col(&u_np), tol);
        assert_near(&format!("{name}: Vt row {j}"), &row(&vt), &row(&vt_np), tol);
    }

    // QR: NumPy's signs (LAPACK's Householder convention) for full-rank matrices.
    if full_rank {
        let (q, r) = a.qr();
        let q_np: Tensor<f64, M, K> = tensor(&case["qr"]["q"]);
        let r_np: Tensor<f64, K, N> = tensor(&case["qr"]["r"]);
        let tol = 16.0 * eps * cond;
        assert_near(&format!("{name}: Q"), q.as_flat(), q_np.as_flat(), tol);
        assert_near(
            &format!("{name}: R"),
            r.as_flat(),
            r_np.as_flat(),
            tol * smax,
        );
    }

    assert_eq!(a.matrix_rank(None), rank, "{name}: matrix_rank");

    // pinv: relative error eps * cond (of the retained part).
    let pinv_np: Tensor<f64, N, M> = tensor(&case["pinv"]);
    let kept_cond = smax / s_np[rank - 1];
    assert_near(
        &format!("{name}: pinv"),
        a.pinv(None).as_flat(),
        pinv_np.as_flat(),
        64.0 * eps * kept_cond / s_np[rank - 1],
    );

    // Norms.
    let norms = &case["matrix_norm"];
    for (key, ord) in [
        ("fro", MatrixNorm::Frobenius),
        ("nuc", MatrixNorm::Nuclear),
        ("inf", MatrixNorm::Inf),
        ("-inf", MatrixNorm::NegInf),
        ("1", MatrixNorm::One),
        ("-1", MatrixNorm::NegOne),
        ("2", MatrixNorm::Two),
        ("-2", MatrixNorm::NegTwo),
    ] {
        let want = num(&norms[key]);
        let got = a.matrix_norm(ord);
        assert!(
            (got - want).abs() <= 16.0 * eps * smax * K as f64,
            "{name}: norm {key}: {got} vs {want}"
        );
    }
    if full_rank {
        let want = num(&case["cond2"]);
        assert!(
            (a.cond() - want).abs() <= 64.0 * eps * cond * want,
            "{name}: cond {} vs {want}",
            a.cond()
        );
    } else {
        assert!(a.cond() > 1e13, "{name}: cond of a rank-deficient matrix");
    }

    // lstsq.
    let l = &case["lstsq"];
    let b: Tensor<f64, M, 2> = tensor(&l["b"]);
    let fit = a.lstsq(&b, None);
    assert_eq!(
        fit.rank,
        l["rank"].as_u64().unwrap() as usize,
        "{name}: lstsq rank"
    );
    let x_np: Tensor<f64, N, 2> = tensor(&l["x"]);
    let bnorm = b.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    assert_near(
        &format!("{name}: lstsq x"),
        fit.solution.as_flat(),
        x_np.as_flat(),
        64.0 * eps * kept_cond * kept_cond * bnorm / s_np[rank - 1],
    );
    let res_np = l["residuals"].as_array().unwrap();
    match fit.residuals {
        Some(r) => {
            let want: Vec<f64> = res_np.iter().map(num).collect();
            assert_near(
                &format!("{name}: residuals"),
                r.as_flat(),
                &want,
                1e-12 * bnorm * bnorm,
            );
        }
        None => assert!(res_np.is_empty(), "{name}: NumPy has residuals"),
    }
    assert_eq!(fit.singular_values, s);

    let _ = scale;
}

fn check_square<const N: usize>(case: &Value)
where
    tensor::Shape<N, N>: tensor::shape::MinDim<Min = tensor::shape::Dim<N>>,
{
    let name = case["name"].as_str().unwrap();
    let a: Tensor<f64, N, N> = tensor(&case["a"]);
    let eps = f64::EPSILON;

    let spd: Tensor<f64, N, N> = tensor(&case["spd"]);
    let l = spd.cholesky().expect("A A^T + n I is positive definite");
    let l_np: Tensor<f64, N, N> = tensor(&case["cholesky"]);
    let lmax = spd.iter().fold(0.0f64, |m, x| m.max(x.abs())).sqrt();
    assert_near(
        &format!("{name}: cholesky"),
        l.as_flat(),
        l_np.as_flat(),
        64.0 * eps * lmax,
    );

    let sym: Tensor<f64, N, N> = tensor(&case["sym"]);
    let (w, mut v) = sym.eigh();
    let w_np: Vector<f64, N> = vector(&case["eigh"]["w"]);
    let v_np: Tensor<f64, N, N> = tensor(&case["eigh"]["v"]);
    let wmax = w_np.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    assert_near(
        &format!("{name}: eigh w"),
        w.as_flat(),
        w_np.as_flat(),
        16.0 * eps * wmax,
    );
    assert_eq!(sym.eigvalsh(), w, "{name}: eigvalsh is eigh's w");
    align_columns::<N, N, N>(&mut v, &v_np, None);
    for j in 0..N {
        let gap = (0..N)
            .filter(|&i| i != j)
            .map(|i| (w_np[i] - w_np[j]).abs())
            .fold(f64::INFINITY, common::fmin);
        let col = |t: &Tensor<f64, N, N>| (0..N).map(|i| t[(i, j)]).collect::<Vec<_>>();
        assert_near(
            &format!("{name}: eigh v{j}"),
            &col(&v),
            &col(&v_np),
            64.0 * eps * wmax / gap,
        );
    }

    let rank = case["matrix_rank"].as_u64().unwrap() as usize;
    if rank == N {
        let conds = &case["cond"];
        let c2 = num(&conds["2"]);
        for (key, ord) in [
            ("fro", MatrixNorm::Frobenius),
            ("nuc", MatrixNorm::Nuclear),
            ("inf", MatrixNorm::Inf),
            ("-inf", MatrixNorm::NegInf),
            ("1", MatrixNorm::One),
            ("-1", MatrixNorm::NegOne),
            ("2", MatrixNorm::Two),
            ("-2", MatrixNorm::NegTwo),
        ] {
            let want = num(&conds[key]);
            let got = a.cond_ord(ord);
            assert!(
                (got - want).abs() <= 64.0 * eps * c2 * want.abs() * N as f64,
                "{name}: cond {key}: {got} vs {want}"
            );
        }
        // rcond estimates 1 / cond_1 from below: within a factor of n of it (in practice
        // almost always exact on small matrices).
        let rc = a.rcond();
        let exact = 1.0 / num(&conds["1"]);
        assert!(
            rc >= exact * (1.0 - 1e-10) && rc <= exact * N as f64 * 1.0001,
            "{name}: rcond {rc:e} vs 1/cond_1 {exact:e}"
        );
    }
}

#[test]
fn decompositions_match_numpy() {
    let g = golden();
    let cases = g["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 10);
    for case in cases {
        let (m, n, _) = mat(&case["a"]);
        match (m, n) {
            (3, 3) => {
                check_case::<3, 3, 3>(case);
                check_square::<3>(case);
            }
            (4, 4) => {
                check_case::<4, 4, 4>(case);
                check_square::<4>(case);
            }
            (6, 6) => {
                check_case::<6, 6, 6>(case);
                check_square::<6>(case);
            }
            (8, 8) => {
                check_case::<8, 8, 8>(case);
                check_square::<8>(case);
            }
            (5, 3) => check_case::<5, 3, 3>(case),
            (8, 5) => check_case::<8, 5, 5>(case),
            (3, 5) => check_case::<3, 5, 3>(case),
            other => panic!("no test instantiation for shape {other:?}"),
        }
    }
}

#[test]
fn vector_norms_match_numpy() {
    let g = golden();
    let x: Vector<f64, 7> = vector(&g["vector"]["x"]);
    let norms = &g["vector"]["norms"];
    for (key, ord) in [
        ("2", VectorNorm::Two),
        ("1", VectorNorm::One),
        ("inf", VectorNorm::Inf),
        ("-inf", VectorNorm::NegInf),
        ("0", VectorNorm::Zero),
        ("3", VectorNorm::P(3.0)),
        ("0.5", VectorNorm::P(0.5)),
        ("-1", VectorNorm::P(-1.0)),
    ] {
        let want = num(&norms[key]);
        let got = x.vector_norm(ord);
        assert!(
            (got - want).abs() <= 1e-14 * want.abs(),
            "vector norm {key}: {got} vs {want}"
        );
    }
}

/// `f32`: the same decompositions on the well-conditioned matrices, to `f32` accuracy.
#[test]
fn f32_decompositions_match_numpy() {
    let g = golden();
    let case = &g["cases"][1];
    assert_eq!(case["name"], "square 6x6");
    let a = tensor::<6, 6>(&case["a"]).map(|x| x as f32);
    let s_np: Vector<f64, 6> = vector(&case["svd"]["s"]);
    let s = a.singular_values();
    let tol = 16.0 * f32::EPSILON as f64 * s_np[0];
    for i in 0..6 {
        assert!((s[i] as f64 - s_np[i]).abs() <= tol, "f32 S[{i}]");
    }
    let spd = tensor::<6, 6>(&case["spd"]).map(|x| x as f32);
    let l_np: Tensor<f64, 6, 6> = tensor(&case["cholesky"]);
    let l = spd.cholesky().unwrap();
    for (x, y) in l.iter().zip(&l_np) {
        assert!(
            (*x as f64 - y).abs() <= 1e-5 * l_np[(0, 0)].abs(),
            "f32 cholesky"
        );
    }
    let sym = tensor::<6, 6>(&case["sym"]).map(|x| x as f32);
    let w_np: Vector<f64, 6> = vector(&case["eigh"]["w"]);
    let wmax = w_np.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    for (x, y) in sym.eigvalsh().iter().zip(&w_np) {
        assert!(
            (*x as f64 - y).abs() <= 16.0 * f32::EPSILON as f64 * wmax,
            "f32 eigh"
        );
    }
    let (_, r) = a.qr();
    let r_np: Tensor<f64, 6, 6> = tensor(&case["qr"]["r"]);
    for (x, y) in r.iter().zip(&r_np) {
        assert!((*x as f64 - y).abs() <= 1e-4 * s_np[0], "f32 R: {x} vs {y}");
    }
}
