//! DSL expressions that mix `@` with the elementwise operators `+ - * /` on tensors.
//!
//! Disabled until the elementwise operators (another branch) are merged: the lead enables it
//! at merge by deleting the `#![cfg(any())]` line below. The DSL itself needs no change: it
//! expands `a + b` to `(a + b)` on the operands, with `@` binding like `*`.

use tensor::prelude::*;

#[test]
fn elementwise_ops_of_seed_section_7() {
    let a = tensor![[1, 2], [3, 4]];
    let b = tensor![[5, 6], [7, 8]];
    assert_eq!(tensor!(a + b.T.T), tensor![[6, 8], [10, 12]]);
    assert_eq!(tensor!(a * b.T.T), tensor![[5, 12], [21, 32]]);
    assert_eq!(tensor!(a @ b), tensor![[19, 22], [43, 50]]);
}

#[test]
fn forward_pass_x_at_w_plus_b() {
    // y = x @ w + b, with the bias row broadcast over the batch.
    let x = tensor![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    let w = tensor![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
    let b = tensor![0.5, -0.5];
    let y = tensor!(x @ w + b);
    assert_eq!(y, tensor![[4.5, 4.5], [10.5, 10.5]]);
    assert_eq!(y, x.matmul(&w) + b);
}

#[test]
fn matmul_binds_tighter_than_plus_and_like_times() {
    let a = tensor![[1, 2], [3, 4]];
    let i = Tensor::<i32, 2, 2>::identity();
    // a + i @ a == a + (i @ a) == 2a
    assert_eq!(tensor!(a + i @ a), tensor![[2, 4], [6, 8]]);
    // a @ i - a == (a @ i) - a == 0
    assert_eq!(tensor!(a @ i - a), Tensor::<i32, 2, 2>::zeros());
    // `*` and `@` associate left to right: (a * a) @ i
    assert_eq!(tensor!(a * a @ i), tensor![[1, 4], [9, 16]]);
    // residual of a solve, A x - b
    let m = tensor![[3.0f64, 1.0], [1.0, 2.0]];
    let rhs = tensor![[9.0], [8.0]];
    let x = m.solve(&rhs).unwrap();
    let r = tensor!(m @ x - rhs);
    assert!(r.iter().all(|v| v.abs() < 1e-12));
}
