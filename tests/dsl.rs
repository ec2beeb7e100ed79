//! The `tensor!` expression DSL: `@`, `.T`, Python-style indices, and how a literal is told
//! from an expression. Each case is compared with the same computation through methods.
//! (Cases with `+ - * /` on tensors are in `dsl_ops.rs`, enabled with the elementwise ops.)

use tensor::prelude::*;

fn m3() -> Tensor<i32, 3, 3> {
    tensor![[1, 2, 3], [4, 5, 6], [7, 8, 9]]
}

#[test]
fn matmul_and_transpose() {
    let a = tensor![[1, 2], [3, 4]];
    let b = tensor![[5, 6], [7, 8]];
    assert_eq!(tensor!(a @ b), a.matmul(&b));
    assert_eq!(tensor!(a @ b), tensor![[19, 22], [43, 50]]);
    assert_eq!(tensor!(a.T), a.t());
    assert_eq!(tensor!(a.T @ b), a.t().matmul(&b));
    assert_eq!(tensor!((a @ b).T), b.t().matmul(&a.t()));
    assert_eq!(tensor!(a @ b @ a), a.matmul(&b).matmul(&a));
    // (2x3) @ (3x2)
    let x = Tensor::<i32, 2, 3>::arange();
    let y = Tensor::<i32, 3, 2>::arange();
    assert_eq!(tensor!(x @ y), tensor![[10, 13], [28, 40]]);
    assert_eq!(tensor!(x.T @ x).shape(), (3, 3));
}

#[test]
fn matmul_binds_like_mul_and_left_to_right() {
    // `@` has the precedence of `*`: `a @ b == c` is `(a @ b) == c` (elementwise in `tensor!`,
    // as in NumPy), and `a @ b.T` applies the transpose first (postfix binds tighter).
    let a = tensor![[1, 2], [3, 4]];
    let b = tensor![[0, 1], [1, 0]];
    assert!(tensor!(a @ b == tensor![[2, 1], [4, 3]]).all());
    assert_eq!(tensor!(a @ b.T), a.matmul(&b.t()));
    // scalar operators keep Rust's meaning and precedence around `@`:
    let s = 2;
    assert_eq!(
        tensor!((a @ b).trace() * s + 1),
        (a.matmul(&b).trace() * s) + 1
    );
}

#[test]
fn operands_can_be_references_calls_and_inline_literals() {
    let a = tensor![[1.0, 2.0], [3.0, 4.0]];
    let r = &a;
    assert_eq!(tensor!(r @ r), a.matmul(&a));
    assert_eq!(tensor!(Tensor::<f64, 2, 2>::identity() @ a), a);
    assert_eq!(
        tensor!([[0.0, 1.0], [1.0, 0.0]] @ a),
        tensor![[3.0, 4.0], [1.0, 2.0]]
    );
    assert_eq!(tensor!([1.0, 1.0] @ a), tensor![4.0, 6.0]);
    assert_eq!(
        tensor!(a.inv().unwrap() @ a).map(f64::round),
        Tensor::<f64, 2, 2>::identity()
    );
    assert_eq!(
        tensor!(a.map(|x| x * 2.0) @ a),
        a.map(|x| x * 2.0).matmul(&a)
    );
}

#[test]
fn slices_match_numpy() {
    let m = m3();
    // m[:, -1], the last column
    assert_eq!(tensor!(m[.., -1]), tensor![[3], [6], [9]]);
    assert_eq!(tensor!(m[.., -1]), m.col::<2>());
    // m[:2, :], the first two rows
    assert_eq!(tensor!(m[..2, ..]), tensor![[1, 2, 3], [4, 5, 6]]);
    // m[1, 1], an element
    assert_eq!(tensor!(m[1, 1]), 5);
    assert_eq!(tensor!(m[-1, -1]), 9);
    // m[1:3, 0], a column piece
    assert_eq!(tensor!(m[1..3, 0]), tensor![[4], [7]]);
    // m[1], a row; m[-1], the last row
    assert_eq!(tensor!(m[1]), tensor![4, 5, 6]);
    assert_eq!(tensor!(m[-1]), m.row::<2>());
    // m[-2:, 1:], the bottom-right 2x2 (open end: the length comes from the type)
    let br: Tensor<i32, 2, 2> = tensor!(m[-2.., 1..]);
    assert_eq!(br, tensor![[5, 6], [8, 9]]);
    // m[:, :-1], all but the last column
    let features: Tensor<i32, 3, 2> = tensor!(m[.., ..-1]);
    assert_eq!(features, tensor![[1, 2], [4, 5], [7, 8]]);
    // inclusive ranges and negative spans
    assert_eq!(tensor!(m[0..=1, -3..-1]), tensor![[1, 2], [4, 5]]);
    assert_eq!(tensor!(m[..=0, ..]), tensor![[1, 2, 3]]);
    // empty slices are allowed: a 0 x 3 tensor
    assert_eq!(tensor!(m[1..1, ..]).shape(), (0, 3));
    // vectors are 1 x N rows: element j is v[0, j]
    let v = tensor![10, 20, 30];
    assert_eq!(tensor!(v[0, -1]), 30);
    let tail: Tensor<i32, 1, 2> = tensor!(v[.., 1..]);
    assert_eq!(tail, tensor![20, 30]);
}

#[test]
fn indices_compose_with_operators() {
    let m = m3();
    let x = Tensor::<i32, 3, 3>::identity();
    assert_eq!(tensor!(x @ m[.., -1]), m.col::<2>());
    assert_eq!(tensor!(m[..2, ..] @ m[.., 0]), tensor![[30], [66]]);
    assert_eq!(tensor!(m.T[0]), tensor![1, 4, 7]);
    assert_eq!(tensor!((m @ m)[0, 0]), 30);
}

#[test]
fn run_time_indices_are_plain_indexing() {
    let m = m3();
    let mut total = 0;
    for i in 0..3 {
        for j in 0..3 {
            total += tensor!(m[i, j]);
        }
    }
    assert_eq!(total, 45);
    let v = tensor![1, 2, 3];
    let k = 2;
    assert_eq!(tensor!(v[k]), 3);
    assert_eq!(tensor!(m[k, 0]), 7);
}

#[test]
fn literal_or_expression() {
    // literals: top-level commas, a single row, a single scalar literal
    assert_eq!(tensor![5].shape(), (1, 1));
    assert_eq!(tensor![-1.5], Tensor::from([-1.5]));
    assert_eq!(tensor![true].as_flat(), &[true]);
    assert_eq!(tensor![[1, 2]].shape(), (1, 2));
    let x = 7;
    assert_eq!(tensor![x,], Tensor::from([7]));
    assert_eq!(tensor![x, x + 1], Tensor::from([7, 8]));
    // expressions: anything else, using the DSL's syntax (a plain `tensor!(t)` is an error:
    // ui-tests/dsl-plain-expression.rs)
    let t = tensor![[1, 2], [3, 4]];
    assert_eq!(tensor!(t.T.T), t);
    assert_eq!(tensor!(t[0, 0] + x), 8);
    assert_eq!(tensor!(t.T.trace()), 5);
}
