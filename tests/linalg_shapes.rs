//! Passing twins of the linear algebra ui-tests (`ui-tests/matmul-*.rs`, `inv-non-square.rs`,
//! `det-non-square.rs`, `cholesky-non-square.rs`, `eigh-non-square.rs`,
//! `lstsq-rows-mismatch.rs`, `qr-wrong-k.rs`): the same calls with shapes that fit compile and
//! compute.

use tensor::prelude::*;

#[test]
fn matmul_with_matching_inner_dimensions() {
    // twin of matmul-inner-mismatch.rs: (2, 3) @ (3, 2)
    let a = Tensor::<f64, 2, 3>::arange();
    let b = Tensor::<f64, 3, 2>::arange();
    let c: Tensor<f64, 2, 2> = a.matmul(&b);
    assert_eq!(c, tensor![[10.0, 13.0], [28.0, 40.0]]);
}

#[test]
fn matrix_times_vector_as_numpy_writes_it() {
    // twin of matmul-vector-rhs.rs: NumPy's `m @ v` with a 1-D `v`.
    let m = Tensor::<f64, 2, 3>::arange();
    let v = tensor![1.0, 0.0, -1.0];
    assert_eq!(m.matvec(&v), tensor![-2.0, -2.0]);
    assert_eq!(m.matmul(&v.t()), tensor![[-2.0], [-2.0]]);
}

#[test]
fn inv_and_det_of_square_matrices() {
    // twins of inv-non-square.rs and det-non-square.rs
    let m: Tensor<f64, 2, 2> = tensor![[4.0, 7.0], [2.0, 6.0]];
    let i = m.inv().unwrap();
    assert!((m.det() - 10.0).abs() < 1e-12);
    let id = m.matmul(&i);
    assert!(
        id.iter()
            .zip(Tensor::<f64, 2, 2>::identity().iter())
            .all(|(a, b)| (a - b).abs() < 1e-12)
    );
    let f: Tensor<f32, 3, 3> = Tensor::identity();
    assert_eq!(f.det(), 1.0);
}

#[test]
fn generic_code_states_the_square_bound() {
    fn normalized_det<const N: usize>(m: &Tensor<f64, N, N>) -> f64
    where
        Shape<N, N>: tensor::shape::Square,
    {
        m.det() / (N as f64)
    }
    assert_eq!(normalized_det(&Tensor::<f64, 4, 4>::identity()), 0.25);
}

#[test]
fn boxed_large_product_without_stack_temporaries() {
    // 256 x 256 f32 = 256 KiB per matrix: operands and output on the heap.
    let mut a: Box<Tensor<f32, 256, 256>> = Box::new(Tensor::zeros());
    (0..256).for_each(|i| a[(i, i)] = 1.0);
    let mut b: Box<Tensor<f32, 256, 256>> = Box::new(Tensor::zeros());
    b.iter_mut()
        .enumerate()
        .for_each(|(k, x)| *x = (k % 7) as f32);
    let mut out: Box<Tensor<f32, 256, 256>> = Box::new(Tensor::zeros());
    a.matmul_into(&*b, &mut out);
    assert!(out.iter().eq(b.iter()));
}

#[test]
fn cholesky_and_eigh_of_square_matrices() {
    // twins of cholesky-non-square.rs and eigh-non-square.rs
    let m = Tensor::<f64, 2, 3>::ones();
    let gram: Tensor<f64, 3, 3> = m.t().matmul(&m) + Tensor::<f64, 3, 3>::eye();
    let l = gram.cholesky().unwrap();
    assert_eq!(l.shape(), (3, 3));
    let (w, v) = Tensor::<f32, 4, 4>::eye().eigh();
    assert_eq!((w, v), (Tensor::ones(), Tensor::eye()));
}

#[test]
fn lstsq_with_matching_rows() {
    // twin of lstsq-rows-mismatch.rs: a (5, 2), b (5, 1)
    let a = Tensor::<f64, 5, 2>::from_fn(|i, j| if j == 0 { 1.0 } else { i as f64 });
    let b = Tensor::<f64, 5, 1>::from_fn(|i, _| 2.0 * i as f64 + 1.0);
    let fit = a.lstsq(&b, None);
    assert_eq!(fit.solution.shape(), (2, 1));
    assert!(
        (fit.solution[(0, 0)] - 1.0).abs() < 1e-12 && (fit.solution[(1, 0)] - 2.0).abs() < 1e-12
    );
}

#[test]
fn qr_and_svd_shapes_computed_in_the_type() {
    // twin of qr-wrong-k.rs: K = min(M, N) for tall, wide and square matrices.
    let (q, r): (Tensor<f64, 5, 3>, Tensor<f64, 3, 3>) = Tensor::<f64, 5, 3>::ones().qr();
    assert_eq!((q.shape(), r.shape()), ((5, 3), (3, 3)));
    let (u, s, vt) = Tensor::<f32, 2, 7>::ones().svd();
    assert_eq!((u.shape(), s.shape(), vt.shape()), ((2, 2), (1, 2), (2, 7)));
    let p: Tensor<f64, 3, 5> = Tensor::<f64, 5, 3>::ones().pinv(None);
    assert_eq!(p.shape(), (3, 5));
}
