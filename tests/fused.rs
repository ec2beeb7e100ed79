//! Fused `tensor!` expressions (a chain of two or more elementwise operations, evaluated in one
//! pass, `tensor_core::fuse`) against the same expression written with the operators outside
//! the macro, one tensor per operation: bit for bit where the operations are the same (every
//! elementwise operator and function is computed per element by the same IEEE operation or
//! kernel), within rounding for the reductions (summed in a different order), over random
//! values with proptest, shapes of rank 1 to 4, broadcasting operands, scalars, integers,
//! NaN and infinities, `f32` and `f64`, and boxed operands on a 2 MiB thread.

use proptest::prelude::*;
use tensor::prelude::*;

use crate::common::on_stack;

/// The same elements, bit for bit (NaN included: the same operations give the same NaN).
fn same_bits<T: Copy + Into<f64>>(what: &str, got: &[T], want: &[T]) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    for (k, (&g, &w)) in got.iter().zip(want).enumerate() {
        let (g, w): (f64, f64) = (g.into(), w.into());
        assert!(
            g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
            "{what}: element {k}: fused {g:e}, unfused {w:e}"
        );
    }
}

/// Equal within `rel` relative (or exactly equal, NaN with NaN).
fn close(what: &str, got: f64, want: f64, rel: f64) {
    assert!(
        got == want
            || (got.is_nan() && want.is_nan())
            || (got - want).abs() <= rel * want.abs().max(f64::MIN_POSITIVE),
        "{what}: fused {got:e}, unfused {want:e}"
    );
}

/// The tensor whose row-major element `k` is `f(k)`.
fn flat<A: Zeros>(f: impl Fn(usize) -> A::Elem) -> A {
    let mut a = A::zeros();
    for (k, x) in a.flat_mut().iter_mut().enumerate() {
        *x = f(k);
    }
    a
}

/// Tensors of any shape, made of zeros and filled through their row-major elements.
trait Zeros {
    type Elem;
    fn zeros() -> Self;
    fn flat_mut(&mut self) -> &mut [Self::Elem];
}

impl<T: tensor::Element, S: tensor::shape::Dims> Zeros for tensor::Array<T, S> {
    type Elem = T;
    fn zeros() -> Self {
        Self::full(T::zero())
    }
    fn flat_mut(&mut self) -> &mut [T] {
        self.as_flat_mut()
    }
}

fn values32(n: usize) -> impl Strategy<Value = Vec<f32>> {
    prop::collection::vec(-8.0f32..8.0, n)
}

fn values64(n: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-8.0f64..8.0, n)
}

/// The four expressions and one more, on one `R x K @ K x C` shape (concrete sizes:
/// a macro, as generic code would need a broadcasting `RowVector` for the bias).
macro_rules! products {
    ($r:literal, $k:literal, $c:literal, $v:expr) => {{
        let v: &[f32] = $v;
        let x = flat::<Tensor<f32, $r, $k>>(|k| v[k % v.len()]);
        let w = flat::<Tensor<f32, $k, $c>>(|k| v[(k * 7 + 3) % v.len()]);
        let b = flat::<Vector<f32, $c>>(|k| v[(k * 5 + 1) % v.len()]);
        let y = flat::<Tensor<f32, $r, $c>>(|k| v[(k * 3 + 2) % v.len()]);
        let err = flat::<Tensor<f32, $r, $c>>(|k| v[(k * 11 + 4) % v.len()]);
        let lr = 0.01f32;

        let fused = tensor!((x @ w + b).sigmoid());
        let unfused = (x.matmul(&w) + b).sigmoid();
        same_bits("(x @ w + b).sigmoid()", fused.as_flat(), unfused.as_flat());

        let fused: f32 = tensor!(((x @ w + b) - y).square().mean());
        let unfused = ((x.matmul(&w) + b) - y).square().mean();
        close("((x @ w + b) - y).square().mean()", fused.into(), unfused.into(), 1e-6);

        let fused = tensor!(w - lr * (x.T @ err));
        let unfused = w - (x.t().matmul(&err) * lr);
        same_bits("w - lr * (x.T @ err)", fused.as_flat(), unfused.as_flat());

        let fused = tensor!((x @ w + b).tanh() * 0.5 - y.exp() / 4.0);
        let unfused = (x.matmul(&w) + b).tanh() * 0.5 - y.exp() / 4.0;
        same_bits("tanh, exp, scalars", fused.as_flat(), unfused.as_flat());
    }};
}

/// `(a - b) * (a - b)` and friends on one shape of any rank.
macro_rules! same_shape_case {
    ($name:ident, $ty:ty, $strategy:ident, $Ten:ty) => {
        proptest! {
            #[test]
            fn $name(v in $strategy(64), s in -4.0f64..4.0) {
                let a = flat::<$Ten>(|k| v[k % v.len()]);
                let b = flat::<$Ten>(|k| v[(k * 13 + 5) % v.len()]);
                let s = s as $ty;
                let f = tensor!((a - b) * (a - b));
                let u = (a - b) * (a - b);
                same_bits("(a - b) * (a - b)", f.as_flat(), u.as_flat());
                let f = tensor!(-a * s + b / 3.0 - 1.0);
                let u = (-a) * s + b / 3.0 - 1.0;
                same_bits("-a * s + b / 3 - 1", f.as_flat(), u.as_flat());
                let f = tensor!((a.abs() + 1.0).ln() + (b * 0.5).exp() - a.relu().sqrt());
                let u = (a.abs() + 1.0).ln() + (b * 0.5).exp() - a.relu().sqrt();
                same_bits("ln, exp, sqrt, abs, relu", f.as_flat(), u.as_flat());
                let f = tensor!((a.sigmoid() - b.tanh()).square());
                let u = (a.sigmoid() - b.tanh()).square();
                same_bits("sigmoid, tanh, square", f.as_flat(), u.as_flat());
                let f: $ty = tensor!((a - b).sum());
                close("(a - b).sum()", f.into(), (a - b).sum().into(), 1e-12);
                let f: $ty = tensor!((a * b + 1.0).mean());
                let want = (a * b + 1.0).mean();
                close("(a * b + 1).mean()", f.into(), want.into(), if <$ty>::EPSILON > 1e-10 { 1e-6 } else { 1e-14 });
                // Squares summed as they are made (`fuse::sum_squares`). Up to 128 elements,
                // the operators' result bit for bit (NumPy's, in the element type); beyond,
                // against the differences squared and summed in f64: within one rounding for
                // `f32` (the squares exact in f64), within the naive f64 sum's own error for
                // `f64`.
                let d = a - b;
                let n = d.as_flat().len();
                let (want, want_mean, rel) = if n <= 128 {
                    (f64::from(d.square().sum()), f64::from(d.square().mean()), 0.0)
                } else {
                    let s: f64 = d.as_flat().iter().map(|&x| f64::from(x) * f64::from(x)).sum();
                    let rel = if <$ty>::EPSILON > 1e-10 { f64::from(<$ty>::EPSILON) } else { 1e-13 };
                    (s, s / n as f64, rel)
                };
                let f: $ty = tensor!((a - b).square().sum());
                close("(a - b).square().sum()", f.into(), want, rel);
                let f: $ty = tensor!(((a - b)).square().mean());
                close("(a - b).square().mean()", f.into(), want_mean, rel);
                // An operand alone under the square.
                let f: $ty = tensor!(d.square().sum());
                close("d.square().sum()", f.into(), want, rel);
                let f: $ty = tensor!(d.square().mean());
                close("d.square().mean()", f.into(), want_mean, rel);
            }
        }
    };
}

same_shape_case!(rank1_f32, f32, values32, Vector<f32, 37>);
same_shape_case!(rank2_f32, f32, values32, Tensor<f32, 19, 23>);
same_shape_case!(rank3_f64, f64, values64, Tensor3<f64, 3, 5, 7>);
same_shape_case!(rank4_f32, f32, values32, Tensor4<f32, 2, 3, 4, 5>);
same_shape_case!(rank2_f64, f64, values64, Tensor<f64, 40, 30>);

proptest! {
    #[test]
    fn products_of_several_shapes(v in values32(97)) {
        products!(1, 1, 1, &v);
        products!(3, 4, 5, &v);
        products!(16, 9, 33, &v);
        products!(64, 32, 20, &v);
        // `K = 1`: the product is computed where the expression reads it, never made; one
        // column (a feature times its weight), outer products, chunks that end inside a row.
        products!(37, 1, 1, &v);
        products!(7, 1, 13, &v);
        products!(300, 1, 5, &v);
        products!(1, 1, 40, &v);
    }

    /// Operations with a scalar (and `-`, `abs`, `square`, `relu`) fold into the pass of
    /// their operand (`Node::write_mapped`): over operands read in place, broadcast rows and
    /// columns, made and unmade products, run-time tensors, and under vectorized functions.
    #[test]
    fn scalar_chains_fold_into_one_pass(v in values32(71), s in -3.0f32..3.0) {
        let m = flat::<Tensor<f32, 9, 40>>(|k| v[k % v.len()]);
        let row = flat::<Tensor<f32, 1, 40>>(|k| v[(k * 3 + 1) % v.len()]);
        let col = flat::<Tensor<f32, 9, 1>>(|k| v[(k * 5 + 2) % v.len()]);
        let a = flat::<Tensor<f32, 1, 3>>(|k| v[(k * 7 + 3) % v.len()]);
        let w = flat::<Tensor<f32, 3, 40>>(|k| v[(k * 11 + 4) % v.len()]);
        let f = tensor!(row * s + m);
        same_bits("row * s + m", f.as_flat(), (row * s + m).as_flat());
        let f = tensor!((s - col / 2.0).abs() + m);
        same_bits("|s - col / 2| + m", f.as_flat(), ((s - col / 2.0).abs() + m).as_flat());
        let f = tensor!(-((-row).relu() * 2.0 - 1.0).square() + m * s);
        let u = -((-row).relu() * 2.0 - 1.0).square() + m * s;
        same_bits("-((-row).relu() * 2 - 1)^2 + m * s", f.as_flat(), u.as_flat());
        let f = tensor!(((m * 0.25).exp() + 1.0).ln() * s - 2.0);
        let u = ((m * 0.25).exp() + 1.0).ln() * s - 2.0;
        same_bits("scalars around exp and ln", f.as_flat(), u.as_flat());
        let f = tensor!((a @ w) * s + m);
        same_bits("made (1, 40) product broadcast", f.as_flat(), (a.matmul(&w) * s + m).as_flat());
        let f = tensor!(((col @ row) * s - 1.0).square() / 4.0);
        let u = ((col.matmul(&row) * s - 1.0).square()) / 4.0;
        same_bits("unmade product under a scalar chain", f.as_flat(), u.as_flat());
        let big = flat::<Tensor<f32, 50, 41>>(|k| v[(k * 13 + 6) % v.len()]);
        let f = tensor!(-(big * s + 1.0).abs() / 3.0);
        same_bits("2050 elements", f.as_flat(), (-(big * s + 1.0).abs() / 3.0).as_flat());
        let d = DynTensor::<f32, 40>::from_flat_fn(7, |k| v[(k * 17 + 5) % v.len()]);
        let f: DynTensor<f32, 40> = tensor!((d * s - 0.5).square() + row);
        let u = (&d * s - 0.5).square() + row;
        same_bits("run-time operand", f.as_flat(), u.as_flat());
    }

    #[test]
    fn unmade_products_broadcast_and_reduce_as_made_ones(v in values64(83), s in -3.0f64..3.0) {
        let col = flat::<Tensor<f64, 9, 1>>(|k| v[k % v.len()]);
        let one = flat::<Tensor<f64, 1, 1>>(|k| v[(k + 3) % v.len()]);
        let row = flat::<Tensor<f64, 1, 11>>(|k| v[(k * 5 + 1) % v.len()]);
        let m = flat::<Tensor<f64, 9, 11>>(|k| v[(k * 7 + 2) % v.len()]);
        let cube = flat::<Tensor3<f64, 2, 9, 11>>(|k| v[(k * 3 + 4) % v.len()]);
        // A product of one row broadcast down the rows, one of one column across them.
        let f = tensor!(one @ row * m + s);
        let u = one.matmul(&row) * m + s;
        same_bits("(1, 1) @ (1, 11) broadcast", f.as_flat(), u.as_flat());
        let f = tensor!(m - col @ one * s);
        let u = m - col.matmul(&one) * s;
        same_bits("(9, 1) @ (1, 1) broadcast", f.as_flat(), u.as_flat());
        // An outer product broadcast over a leading axis, and reduced at the root.
        let f = tensor!(cube * (col @ row) + 1.0);
        let u = cube * col.matmul(&row) + 1.0;
        same_bits("outer product over a rank-3 tensor", f.as_flat(), u.as_flat());
        let f: f64 = tensor!((col @ row - m).square().mean());
        let want = (col.matmul(&row) - m).square().mean();
        close("mean of an outer product", f, want, 1e-14);
        // Operands behind references, and a product of products (the inner one made).
        let (rc, rr) = (&col, &row);
        let f = tensor!(rc @ rr - m * 2.0);
        same_bits("references", f.as_flat(), (col.matmul(&row) - m * 2.0).as_flat());
        let f = tensor!((col @ one) @ row + m * s);
        let u = col.matmul(&one).matmul(&row) + m * s;
        same_bits("(col @ one) @ row", f.as_flat(), u.as_flat());
    }

    #[test]
    fn broadcasting_rows_columns_and_scalars(v in values64(61), s in -3.0f64..3.0) {
        let m = flat::<Tensor<f64, 12, 30>>(|k| v[k % v.len()]);
        let row = flat::<Vector<f64, 30>>(|k| v[(k * 3 + 1) % v.len()]);
        let row1 = flat::<Tensor<f64, 1, 30>>(|k| v[(k * 5 + 2) % v.len()]);
        let col = flat::<Tensor<f64, 12, 1>>(|k| v[(k * 7 + 3) % v.len()]);
        let f = tensor!((m + row) * s - col / row1);
        let u = (m + row) * s - col / row1;
        same_bits("(m + row) * s - col / row1", f.as_flat(), u.as_flat());
        // The result's shape from operands that are all smaller than it.
        let f = tensor!(col * row1 + 1.0);
        let u = col * row1 + 1.0;
        assert_eq!(f.shape(), (12, 30));
        same_bits("col * row1 + 1", f.as_flat(), u.as_flat());
        // Rank 4 with a per-channel operand and a rank-2 one.
        let img = flat::<Tensor4<f64, 2, 3, 4, 5>>(|k| v[k % v.len()]);
        let ch = flat::<Tensor4<f64, 1, 1, 1, 5>>(|k| v[(k + 9) % v.len()]);
        let plane = flat::<Tensor<f64, 4, 1>>(|k| v[(k + 4) % v.len()]);
        let f = tensor!((img - ch) * plane + s);
        let u = (img - ch) * plane + s;
        same_bits("(img - ch) * plane + s", f.as_flat(), u.as_flat());
    }

    /// A broadcast row or column beside a made product or a full-size operand is read in
    /// place, run by run, on either side of the operator (`fuse::Node::broadcast`): results of
    /// three chunks, so that runs start inside rows, and operators that do not commute. (A
    /// single operator is not fused: each expression here has two or more.)
    #[test]
    fn broadcast_operands_beside_products(v in values32(89)) {
        let x = flat::<Tensor<f32, 70, 9>>(|k| v[k % v.len()]);
        let w = flat::<Tensor<f32, 9, 33>>(|k| v[(k * 3 + 1) % v.len()]);
        let row = flat::<Vector<f32, 33>>(|k| v[(k * 5 + 2) % v.len()]);
        let col = flat::<Tensor<f32, 70, 1>>(|k| v[(k * 7 + 3) % v.len()] + 9.0);
        let p = x.matmul(&w);
        let f = tensor!((row - x @ w) * 0.5);
        same_bits("(row - x @ w) * 0.5", f.as_flat(), ((row - p) * 0.5).as_flat());
        let f = tensor!((x @ w / col).abs());
        same_bits("(x @ w / col).abs()", f.as_flat(), (p / col).abs().as_flat());
        let f = tensor!(col - (x @ w) * row);
        same_bits("col - (x @ w) * row", f.as_flat(), (col - p * row).as_flat());
        let f = tensor!((row / (x @ w + col)).abs());
        same_bits("(row / (x @ w + col)).abs()", f.as_flat(), (row / (p + col)).abs().as_flat());
        let m = flat::<Tensor<f32, 70, 33>>(|k| v[(k * 11 + 5) % v.len()]);
        let f = tensor!((m - row) / col + m);
        same_bits("(m - row) / col + m", f.as_flat(), ((m - row) / col + m).as_flat());
    }

    #[test]
    fn integers(v in prop::collection::vec(-1000i32..1000, 50), d in 1i32..9) {
        let a = flat::<Tensor<i32, 7, 9>>(|k| v[k % v.len()]);
        let b = flat::<Tensor<i32, 7, 9>>(|k| v[(k * 3 + 1) % v.len()]);
        let row = flat::<Vector<i32, 9>>(|k| v[(k + 2) % v.len()]);
        let f = tensor!(-a * 3 + b / d - row);
        assert_eq!(f, -a * 3 + b / d - row);
        let f = tensor!((a - b).abs().square() + 1);
        assert_eq!(f, (a - b).abs().square() + 1);
        let f: i32 = tensor!((a - b + row).sum());
        assert_eq!(f, (a - b + row).sum());
        let f: i32 = tensor!((a - b).square().sum());
        assert_eq!(f, (a - b).square().sum());
        // From 256 elements a full-size operand beside a computed one is combined on the
        // machine's best instruction set, on either side of the operator.
        let a = flat::<Tensor<i32, 17, 19>>(|k| v[k % v.len()]);
        let b = flat::<Tensor<i32, 17, 19>>(|k| v[(k * 3 + 1) % v.len()]);
        let row = flat::<Vector<i32, 19>>(|k| v[(k + 2) % v.len()]);
        let f = tensor!(a - (b * 2 - row));
        let g = tensor!((b * 2 - row) - a);
        for (i, j) in (0..17).flat_map(|i| (0..19).map(move |j| (i, j))) {
            let want = a[(i, j)] - (b[(i, j)] * 2 - row[j]);
            assert_eq!((f[(i, j)], g[(i, j)]), (want, -want), "({i}, {j})");
        }
    }
}

#[test]
fn nan_and_infinities_propagate_as_unfused() {
    let special = [
        f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        0.0,
        -0.0,
        1.0,
        -1.0,
        f32::MAX,
        f32::MIN_POSITIVE,
        88.7,
        -104.0,
    ];
    let a = flat::<Tensor<f32, 11, 11>>(|k| special[k % 11]);
    let b = flat::<Tensor<f32, 11, 11>>(|k| special[k / 11]);
    let f = tensor!((a - b) * (a - b) / b);
    let u = (a - b) * (a - b) / b;
    same_bits("(a - b)^2 / b", f.as_flat(), u.as_flat());
    let f = tensor!((a * b).exp().ln() + a.sigmoid() - b.tanh() + a.sqrt() + b.relu());
    let u = (a * b).exp().ln() + a.sigmoid() - b.tanh() + a.sqrt() + b.relu();
    same_bits("functions of specials", f.as_flat(), u.as_flat());
    let f: f32 = tensor!((a - b).sum());
    assert!(f.is_nan());
    let big = flat::<Tensor<f64, 4, 4>>(|k| if k == 5 { f64::INFINITY } else { k as f64 });
    let f: f64 = tensor!((big * 2.0).mean());
    assert_eq!(f, f64::INFINITY);
    // Squares summed as they are made: NaN and infinities as unfused, but an `f32` square
    // beyond `f32::MAX` is not infinite on the way (it is exact in f64): only the result is
    // rounded to `f32`.
    let f: f32 = tensor!((a - b).square().mean());
    assert!(f.is_nan());
    let x = flat::<Vector<f32, 1000>>(|k| if k == 0 { 2e19 } else { 0.0 });
    assert_eq!(x.square().mean(), f32::INFINITY);
    let m: f32 = tensor!(x.square().mean());
    let want = f64::from(x[0]) * f64::from(x[0]) / 1000.0;
    assert!(
        (f64::from(m) / want - 1.0).abs() < 1e-7,
        "{m:e} against {want:e}"
    );
    assert_eq!(tensor!(x.square().sum()), f32::INFINITY);
    let y = flat::<Vector<f32, 4>>(|k| [1.0, f32::INFINITY, -2.0, 0.5][k]);
    assert_eq!(tensor!(y.square().sum()), f32::INFINITY);
}

#[test]
fn scalar_only_expressions_stay_scalars() {
    let x = 3.0f64;
    let y: f64 = tensor!(x * 2.0 + 1.0);
    assert_eq!(y, 7.0);
    let z: f32 = tensor!(-(2.0f32).square() + 0.5);
    assert_eq!(z, -3.5);
    // A scalar subtree inside a tensor expression.
    let a = Tensor::from([[1.0f32, 2.0]]);
    let lr = 0.5f32;
    assert_eq!(tensor!(a - lr * 2.0 * a), a - a * (lr * 2.0));
}

#[test]
fn literals_infer_the_element_type() {
    let a = Tensor::<f32, 2, 3>::full(1.5);
    let r = tensor!(a * 2.0 + 1.0);
    let _: Tensor<f32, 2, 3> = r;
    assert_eq!(r, Tensor::full(4.0));
    let i = Tensor::<u8, 2, 2>::full(3);
    assert_eq!(tensor!(i * 2 + 1), Tensor::full(7u8));
}

#[test]
fn operands_may_be_references_and_temporaries() {
    let a = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    let b = Tensor::from([[0.5, 0.5], [0.5, 0.5]]);
    let (ra, rb) = (&a, &b);
    assert_eq!(tensor!((ra - rb) * (&a - b.clone())), (a - b) * (a - b));
    assert_eq!(tensor!((a.T - b) * a[0, 1] + 1.0), (a.t() - b) * 2.0 + 1.0);
}

#[test]
fn boxed_operands_give_a_boxed_result_without_touching_the_stack() {
    // 4 MiB operands on a 2 MiB thread, in the debug build too.
    on_stack(2 << 20, || {
        let a = Tensor::<f32, 1024, 1024>::boxed_from_flat_fn(|k| (k % 251) as f32 * 0.25);
        let b = Tensor::<f32, 1024, 1024>::boxed_from_flat_fn(|k| (k % 13) as f32);
        let row = flat::<Vector<f32, 1024>>(|k| k as f32);
        let f: Box<Tensor<f32, 1024, 1024>> = tensor!((a - b) * (a - b) + row);
        let u: Box<Tensor<f32, 1024, 1024>> = &(&(&a - &b) * &(&a - &b)) + row;
        same_bits("boxed", f.as_flat(), u.as_flat());
        let s: f32 = tensor!(((a - b) * 0.5).square().mean());
        let want = (&(&a - &b) * 0.5).square().mean();
        close("boxed mean", s.into(), want.into(), 1e-6);
    });
}

#[test]
fn large_stack_tensors() {
    let a = flat::<Tensor<f64, 64, 96>>(|k| (k as f64).sin());
    let b = flat::<Tensor<f64, 64, 96>>(|k| (k as f64).cos());
    let f = tensor!((a - b) * (a - b) + (a * b).tanh());
    let u = (a - b) * (a - b) + (a * b).tanh();
    same_bits("64 x 96", f.as_flat(), u.as_flat());
}

/// A dense layer generic over every dimension, as in the README: the fused chain type-checks
/// with the same bounds as the operators (none for equal shapes, a broadcasting `RowVector`).
fn layer<const N: usize, const D: usize, const H: usize>(
    x: &Tensor<f32, N, D>,
    w: &Tensor<f32, D, H>,
    b: &RowVector<f32, H>,
    y: &Tensor<f32, N, H>,
) -> (Tensor<f32, N, H>, f32) {
    let hidden = tensor!((x @ w + b).relu() * 2.0);
    let loss: f32 = tensor!((hidden - y).square().mean());
    (hidden, loss)
}

#[test]
fn generic_code_fuses() {
    let x = Tensor::<f32, 3, 2>::from([[1.0, -2.0], [0.5, 0.25], [-1.0, 3.0]]);
    let w = Tensor::<f32, 2, 4>::from([[1.0, 0.0, -1.0, 2.0], [0.5, 1.0, 0.0, -1.0]]);
    let b = flat::<RowVector<f32, 4>>(|k| [0.1, -0.2, 0.3, 0.0][k]);
    let y = Tensor::<f32, 3, 4>::full(0.5);
    let (hidden, loss) = layer(&x, &w, &b, &y);
    let want = (x.matmul(&w) + b).relu() * 2.0;
    assert_eq!(hidden, want);
    assert_eq!(loss, (want - y).square().mean());
    // One feature (`D = 1`): the `K = 1` product is left unmade in generic code too.
    let x = Tensor::<f32, 3, 1>::from([[1.0], [-2.0], [0.5]]);
    let w = Tensor::<f32, 1, 4>::from([[1.0, 0.0, -1.0, 2.0]]);
    let (hidden, loss) = layer(&x, &w, &b, &y);
    let want = (x.matmul(&w) + b).relu() * 2.0;
    assert_eq!(hidden, want);
    assert_eq!(loss, (want - y).square().mean());
}

/// The seed's linear regression step at `N = 10 000` (`f64`, one feature): the `K = 1`
/// product, the bias and the target in one pass, bit for bit the unfused operators, with NaN,
/// infinities and signed zeros among the features (`0 * inf` is NaN, `0 + -0` is `+0`, as
/// `matmul` gives).
#[test]
fn unmade_k1_products_at_the_regression_size() {
    let special = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.0];
    let x = flat::<Tensor<f64, 10_000, 1>>(|k| {
        if k % 997 == 5 {
            special[k % 5]
        } else {
            (k as f64 * 0.37).sin()
        }
    });
    let y = flat::<Tensor<f64, 10_000, 1>>(|k| (k as f64 * 0.11).cos());
    for w in [2.5, -0.0, f64::INFINITY] {
        let (w, b) = (Tensor::from([[w]]), 0.75);
        let f = tensor!(x @ w + b - y);
        let u = x.matmul(&w) + b - y;
        same_bits("x @ w + b - y", f.as_flat(), u.as_flat());
        let f: f64 = tensor!((x @ w + b - y).square().mean());
        let want = (x.matmul(&w) + b - y).square().mean();
        close("loss", f, want, 1e-14);
    }
    let i = flat::<Tensor<i64, 3000, 1>>(|k| k as i64 - 1500);
    let wi = Tensor::from([[-3i64, 7]]);
    let f = tensor!(i @ wi * 2 + 1);
    assert_eq!(f, i.matmul(&wi) * 2 + 1);
}

/// Large products inside a chain (made by `matmul`, then read chunk by chunk) against `matmul`
/// and the operators: bit for bit, on each SIMD path of a tall product (blocked `Gemm`,
/// `Narrow` with `1 < C <= 16`, `Gemv` with `C = 1`), rows that do not divide the chunks,
/// broadcast over a leading axis, mapped by scalars and functions, and reduced at the root.
macro_rules! large_product {
    ($t:ty, $r:literal, $k:literal, $c:literal) => {{
        let x = flat::<Tensor<$t, $r, $k>>(|k| ((k as $t) * 0.37).sin());
        let w = flat::<Tensor<$t, $k, $c>>(|k| ((k as $t) * 0.11).cos() - 0.25);
        let b = flat::<Vector<$t, $c>>(|k| (k as $t) * 0.01 - 0.5);
        let y = flat::<Tensor<$t, $r, $c>>(|k| ((k as $t) * 0.05).sin());
        let what = concat!("(", $r, ", ", $k, ") @ (", $k, ", ", $c, ") ", stringify!($t));
        let p = x.matmul(&w);

        let f = tensor!(x @ w - y);
        same_bits(what, f.as_flat(), (p - y).as_flat());
        let f = tensor!((x @ w + b).sigmoid());
        same_bits(what, f.as_flat(), (p + b).sigmoid().as_flat());
        let f = tensor!((x @ w) * 0.5 - 1.0 + y.relu());
        same_bits(what, f.as_flat(), (p * 0.5 - 1.0 + y.relu()).as_flat());
        let f = tensor!((x @ w).tanh() * (x @ w) + (y - b).abs());
        same_bits(what, f.as_flat(), (p.tanh() * p + (y - b).abs()).as_flat());

        let t = flat::<Tensor3<$t, 2, $r, $c>>(|k| ((k as $t) * 0.03).cos());
        let f = tensor!(x @ w * 2.0 + t);
        same_bits(what, f.as_flat(), (p * 2.0 + t).as_flat());

        let f: $t = tensor!(((x @ w + b) - y).square().mean());
        let want = ((p + b) - y).square().mean();
        close(what, f.into(), want.into(), 1e-5);
    }};
}

#[test]
fn large_products_inside_chains() {
    // One thread per shape: an unoptimized build keeps every temporary of the expansion.
    on_stack(64 << 20, || large_product!(f32, 700, 16, 48));
    on_stack(64 << 20, || large_product!(f64, 700, 16, 48));
    on_stack(64 << 20, || large_product!(f32, 400, 64, 100));
    on_stack(64 << 20, || large_product!(f32, 131, 20, 256));
    on_stack(64 << 20, || large_product!(f32, 4000, 32, 10));
    on_stack(64 << 20, || large_product!(f64, 3277, 40, 11));
    on_stack(64 << 20, || large_product!(f32, 50_000, 16, 1));
    on_stack(64 << 20, || large_product!(f64, 32_768, 20, 1));
    on_stack(64 << 20, || large_product!(f32, 400, 65, 100));
    on_stack(64 << 20, || large_product!(f32, 100, 16, 300));
    on_stack(64 << 20, || large_product!(f64, 300, 300, 300));
}

/// Run-time tensors (`DynArray`) in fused chains: the semantics of the `DynArray` operators
/// (static operands broadcast over the rows, scalars, two run-time operands with the same
/// rows), the result a `DynArray`, bit for bit the unfused operators.
mod dynamic {
    use tensor::prelude::*;
    use tensor::{DynTensor, DynTensor3, DynTensor4};

    use super::{close, flat, same_bits};

    fn dyn2(rows: usize, seed: f32) -> DynTensor<f32, 3> {
        DynTensor::<f32, 3>::from_flat_fn(rows, |k| ((k as f32 + seed) * 0.37).sin() * 2.0)
    }

    #[test]
    fn dense_layer_with_a_bias_row_or_vector() {
        let w = Tensor::<f32, 3, 2>::from([[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]]);
        let b = Vector::<f32, 2>::from([0.1, -0.2]);
        let r = flat::<RowVector<f32, 2>>(|k| [-0.3, 0.4][k]);
        for rows in [0, 1, 2, 7, 700] {
            let x = dyn2(rows, 1.0);
            let f: DynTensor<f32, 2> = tensor!((x @ w + b).relu());
            let u = (&x.matmul(&w) + b).relu();
            assert_eq!(f.nrows(), rows);
            same_bits("vector bias", f.as_flat(), u.as_flat());
            let f = tensor!((x @ w - r).sigmoid() * 2.0);
            let u = &(&x.matmul(&w) - r).sigmoid() * 2.0;
            same_bits("row bias", f.as_flat(), u.as_flat());
            // The static operand on the left, as `Array - DynArray` allows.
            let xw = x.matmul(&w);
            let f = tensor!((r - xw).tanh().abs());
            let u = (r - &xw).tanh().abs();
            same_bits("bias on the left", f.as_flat(), u.as_flat());
        }
    }

    #[test]
    fn two_run_time_operands_scalars_and_functions() {
        for rows in [0, 1, 5, 1000] {
            let (a, b) = (dyn2(rows, 0.0), dyn2(rows, 3.0));
            let f = tensor!((a - b) * (a - b) / 4.0 + 1.0);
            let u = &(&(&(&a - &b) * &(&a - &b)) / 4.0) + 1.0;
            same_bits("difference", f.as_flat(), u.as_flat());
            let f = tensor!((a.square() + 1.0).sqrt().ln() - (-b).exp());
            let u = &(&a.square() + 1.0).sqrt().ln() - &(-&b).exp();
            same_bits("functions", f.as_flat(), u.as_flat());
            let f = tensor!(2.0 * a + b);
            let u = &(&a * 2.0) + &b;
            same_bits("scalar on the left", f.as_flat(), u.as_flat());
        }
    }

    #[test]
    fn rank_three_rows_with_a_per_channel_operand() {
        let x = DynTensor3::<f64, 2, 3>::from_flat_fn(4, |k| k as f64 * 0.5 - 3.0);
        let c = Tensor3::<f64, 1, 1, 3>::from([[[1.0, 2.0, 4.0]]]);
        let f = tensor!((x * c - 1.0).relu());
        let u = (&(&x * c) - 1.0).relu();
        assert_eq!(f.nrows(), 4);
        same_bits("per channel", f.as_flat(), u.as_flat());
        let x = DynTensor4::<f32, 2, 2, 3>::from_flat_fn(3, |k| (k as f32 * 0.3).cos());
        let c = Tensor4::<f32, 1, 1, 1, 3>::from([[[[0.5, -1.0, 2.0]]]]);
        let f = tensor!((x - c).exp() * x);
        let u = &(&x - c).exp() * &x;
        same_bits("rank 4 rows", f.as_flat(), u.as_flat());
    }

    #[test]
    fn integers_boxed_operands_and_a_static_row() {
        let a = DynTensor::<i32, 4>::from_flat_fn(6, |k| k as i32 * 7 - 20);
        let b = DynTensor::<i32, 4>::from_flat_fn(6, |k| 11 - k as i32);
        let f = tensor!(((a - b) * 3 + 1).abs().relu());
        let u = (&(&(&a - &b) * 3) + 1).abs().relu();
        assert_eq!(f.as_flat(), u.as_flat());
        let row = Box::new(Tensor::<i32, 1, 4>::from([[1, -2, 3, -4]]));
        let f = tensor!((a * row - 2) / 3);
        let u = &(&(&a * *row) - 2) / 3;
        assert_eq!(f.as_flat(), u.as_flat());
    }

    #[test]
    fn sum_and_mean_at_the_root() {
        let w = Tensor::<f32, 3, 2>::from([[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]]);
        let b = Vector::<f32, 2>::from([0.1, -0.2]);
        for rows in [0, 1, 3, 1500] {
            let (a, c) = (dyn2(rows, 0.0), dyn2(rows, 3.0));
            let s: f32 = tensor!((a - c).square().sum());
            let want = (&a - &c).square().sum();
            close("sum", s.into(), want.into(), 0.0);
            let m: f32 = tensor!((a @ w + b).relu().mean());
            let want = (&a.matmul(&w) + b).relu().mean();
            close("mean", m.into(), want.into(), 0.0);
        }
    }

    #[test]
    #[should_panic(expected = "operands could not be broadcast together with shapes (3, 3) (4, 3)")]
    fn row_counts_must_match() {
        let (a, b) = (dyn2(3, 0.0), dyn2(4, 0.0));
        let _ = tensor!((a - b).relu());
    }

    #[test]
    fn unfused_operators_give_the_same_row_mismatch_message() {
        let (a, b) = (dyn2(3, 0.0), dyn2(4, 0.0));
        let e = a.try_sub(&b).unwrap_err();
        assert_eq!(
            e.to_string(),
            "operands could not be broadcast together with shapes (3, 3) (4, 3)"
        );
    }
}
