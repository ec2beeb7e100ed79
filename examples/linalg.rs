//! Seed sections 7 (matrix operations) and 8 (transpose and inverse), each step through plain
//! methods and through the `tensor!` expression DSL, printed as NumPy prints it.
//!
//! `cargo run --example linalg`

use tensor::prelude::*;

fn main() {
    // ## 7. Matrix operations
    let a = tensor![[1, 2], [3, 4]];
    let b = tensor![[5, 6], [7, 8]];

    // print(A + B)     # element-wise
    // print(A * B)     # element-wise
    println!("A + B =\n{}", a + b); // [[ 6  8] [10 12]]
    println!("A * B =\n{}", a * b); // [[ 5 12] [21 32]]
    assert_eq!(
        a * b + a,
        tensor!(a * b + a @ Tensor::<i32, 2, 2>::identity())
    );

    // print(A @ B)     # matrix multiplication
    let ab = a.matmul(&b);
    assert_eq!(ab, tensor!(a @ b));
    println!("A @ B =\n{ab}"); // [[19 22] [43 50]]

    // Mini challenge: multiply a (2x3) matrix with a (3x2) matrix.
    let x = tensor![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    let w = tensor![[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]];
    let y: Tensor<f64, 2, 2> = x.matmul(&w);
    assert_eq!(y, tensor!(x @ w));
    println!("(2x3) @ (3x2) =\n{y}"); // [[ 58.  64.] [139. 154.]]

    // Dot products as similarity measures: cosine similarity of two feature vectors.
    let u: Vector<f64, 3> = tensor![1.0, 2.0, 3.0];
    let v: Vector<f64, 3> = tensor![2.0, 4.0, 6.5];
    let cosine = u.dot(&v) / (u.dot(&u).sqrt() * v.dot(&v).sqrt());
    assert_eq!(u.dot(&v), tensor!(u @ v.T).item());
    println!("cos(u, v) = {cosine:.4}"); // 0.9993

    // ## 8. Transpose and inverse
    let a = tensor![[1.0, 2.0], [3.0, 4.0]];

    // print(A.T)       # transpose
    assert_eq!(a.t(), tensor!(a.T));
    println!("A.T =\n{}", a.t()); // [[1. 3.] [2. 4.]]

    // print(np.linalg.inv(A))  # inverse
    let inv = a.inv().expect("A is invertible");
    println!("inv(A) =\n{inv}"); // [[-2.   1. ] [ 1.5 -0.5]]
    println!("A @ inv(A) =\n{}", tensor!(a @ inv)); // [[1. 0.] [0. 1.]] up to rounding

    // Exercise: transpose a (3x2) matrix.
    let m = tensor![[1, 2], [3, 4], [5, 6]];
    let mt: Tensor<i32, 2, 3> = m.t();
    assert_eq!(mt, tensor!(m.T));
    println!("(3x2).T =\n{mt}"); // [[1 3 5] [2 4 6]]

    // Exercise: find the determinant of a 2x2 matrix.
    let det = a.det();
    println!("det(A) = {det}"); // -2 (NumPy: -2.0000000000000004, LAPACK rounds differently)

    // Inverse -> solving linear systems: 3x + y = 9, x + 2y = 8.
    let sys: Tensor<f64, 2, 2> = tensor![[3.0, 1.0], [1.0, 2.0]];
    let rhs = tensor![[9.0], [8.0]];
    let sol = sys.solve(&rhs).expect("the system has one solution");
    let via_inverse = tensor!(sys.inv().unwrap() @ rhs);
    assert!((sol - via_inverse).abs().max() < 1e-12);
    println!("solve(A, b) =\n{sol}"); // [[2.] [3.]]

    // A singular matrix has no inverse: `None` rather than a LinAlgError.
    let singular = tensor![[1.0, 2.0], [2.0, 4.0]];
    println!("inv([[1, 2], [2, 4]]) = {:?}", singular.inv()); // None

    // Slicing in the DSL (seed section 3, with the literal bounds checked at compile time).
    let g = tensor![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    println!("last column =\n{}", tensor!(g[.., -1])); // [[3] [6] [9]]
    println!("first two rows =\n{}", tensor!(g[..2, ..])); // [[1 2 3] [4 5 6]]
    println!("g[1, 1] = {}", tensor!(g[1, 1])); // 5
}
