//! DSL expressions that mix `@` with the elementwise operators `+ - * /` on tensors: the DSL
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

/// NumPy's comparisons inside `tensor!`: elementwise, giving the same masks as the methods
/// (`lt`/`lt_scalar`, ...), with a tensor or a scalar on either side, and broadcasting.
/// Expected values: NumPy's output, e.g. `a = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
/// print(a < 5)`.
#[test]
fn comparisons_give_masks() {
    let a = tensor![[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]];
    let lt5 = tensor!(a < 5);
    assert_eq!(
        lt5.to_string(),
        "[[ True  True  True  True]\n [False False False False]\n [False False False False]]"
    );
    assert_eq!(lt5, a.lt_scalar(5));
    assert_eq!(tensor!(a <= 5), a.le_scalar(5));
    assert_eq!(tensor!(a > 5), a.gt_scalar(5));
    assert_eq!(tensor!(a >= 5), a.ge_scalar(5));
    assert_eq!(tensor!(a == 5), a.eq_scalar(5));
    assert_eq!(tensor!(a != 5), a.ne_scalar(5));
    // scalar on the left: `5 > a` is `a < 5`
    assert_eq!(tensor!(5 > a), lt5);
    assert_eq!(tensor!(5 <= &a), a.ge_scalar(5));
    // two tensors, broadcasting a row and a column; owned or borrowed
    let row = tensor![4, 3, 2, 1];
    let col = tensor![[2], [6], [10]];
    assert_eq!(tensor!(a > row), a.gt(&row));
    assert_eq!(tensor!(&a == &col), a.eq(&col));
    assert_eq!(
        tensor!(a == col),
        tensor![
            [false, true, false, false],
            [false, true, false, false],
            [false, true, false, false]
        ]
    );
    assert_eq!(tensor!(row < col).shape(), (3, 4));
    // the operands may be any DSL expression
    let i = Tensor::<i32, 4, 4>::identity();
    assert!(!tensor!(a @ i != a).any());
    assert_eq!(tensor!(a.T[0] >= 5), tensor![false, true, true]);
    // two scalars keep Rust's meaning
    let top_left_small: bool = tensor!(a[0, 0] < a[2, 3]);
    assert!(top_left_small);
}

/// NaN compares false, except `!=`, as in NumPy (`np.array([1.0, np.nan]) < 2.0` is
/// `[ True False]`, `!= np.nan` is `[ True  True]`).
#[test]
fn comparisons_with_nan() {
    let x = tensor![1.0, f64::NAN];
    assert_eq!(tensor!(x < 2.0).to_string(), "[ True False]");
    assert_eq!(tensor!(x == x).to_string(), "[ True False]");
    assert_eq!(tensor!(x != f64::NAN).to_string(), "[ True  True]");
}

/// Mask logic: `&`, `|`, `^` and `!` combine masks elementwise (NumPy's `&`, `|`, `^`, `~`).
/// As in Python, they bind tighter than comparisons, so the comparisons are parenthesized.
/// NumPy: `a[(a > 2) & (a < 11)]` is `[ 3  4  5  6  7  8  9 10]`, `((a > 5) | (a == 5))`
/// counts 8.
#[test]
fn mask_logic() {
    let a = tensor![[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]];
    let between = tensor!((a > 2) & (a < 11));
    assert_eq!(between, a.gt_scalar(2) & a.lt_scalar(11));
    assert_eq!(a.masked(&between), vec![3, 4, 5, 6, 7, 8, 9, 10]);
    assert_eq!(tensor!((a > 5) | (a == 5)).count_nonzero(), 8);
    assert_eq!(tensor!((a > 5) | (a == 5)), tensor!(a >= 5));
    assert_eq!(tensor!(!(a < 5)), tensor!(a >= 5));
    assert_eq!(tensor!((a > 2) ^ (a > 4)), tensor!((a > 2) & (a <= 4)));
    // `where` with a DSL mask
    let relu = tensor!((a % 2 == 0).if_else(&a, &(-a)));
    assert_eq!(relu.row::<0>(), tensor![-1, 2, -3, 4]);
}

/// `ElementwiseCmp` is exported at the crate root; its methods do not shadow `PartialOrd`'s
/// and `PartialEq`'s on scalars under a glob import.
mod glob_import {
    #[allow(clippy::wildcard_imports)]
    use tensor::*;

    #[test]
    fn scalar_comparison_methods_keep_their_meaning() {
        assert!(1.0f64.lt(&2.0));
        assert!(3.eq(&3));
        assert!(tensor!(Tensor::<i32, 2, 2>::arange() >= 0).all());
    }
}
