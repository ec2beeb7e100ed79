//! Passing twins of the linear algebra ui-tests (`ui-tests/matmul-*.rs`, `inv-non-square.rs`,
//! `det-non-square.rs`): the same calls with shapes that fit compile and compute.

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
    let m: SquareMatrix<f64, 2> = tensor![[4.0, 7.0], [2.0, 6.0]];
    let i = m.inv().unwrap();
    assert!((m.det() - 10.0).abs() < 1e-12);
    let id = m.matmul(&i);
    assert!(
        id.iter()
            .zip(SquareMatrix::<f64, 2>::identity().iter())
            .all(|(a, b)| (a - b).abs() < 1e-12)
    );
    let f: SquareMatrix<f32, 3> = Tensor::identity();
    assert_eq!(f.det(), 1.0);
}

#[test]
fn generic_code_states_the_square_bound() {
    fn normalized_det<const N: usize>(m: &SquareMatrix<f64, N>) -> f64
    where
        Shape<N, N>: tensor::shape::Square,
    {
        m.det() / (N as f64)
    }
    assert_eq!(normalized_det(&SquareMatrix::<f64, 4>::identity()), 0.25);
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
