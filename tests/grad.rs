//! `grad!`: every differentiable operation against central finite differences in `f64`, over
//! shapes of every broadcasting kind and random values (proptest), plus composite losses,
//! shared subexpressions, scalar inputs, `f32`, and code generic over the batch size.

use proptest::prelude::*;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;
use tensor::autodiff::Operand;
use tensor::prelude::*;
use tensor::shape::{All, At, AtEnd, Span};

/// A standard-normal sample of a tensor type or a scalar.
fn sample<T>(rng: &mut StdRng) -> T
where
    StandardNormal: rand::distr::Distribution<T>,
{
    rng.sample(StandardNormal)
}

/// `|x| + 0.5`, elementwise: away from 0, for `ln`, `sqrt` and divisors.
fn positive<X: Operand<Elem = f64> + Clone>(x: &X) -> X {
    let mut out = x.clone();
    for v in out.elems_mut() {
        *v = v.abs() + 0.5;
    }
    out
}

/// Central finite differences of `f` at `x`, element by element, against `grad`.
fn check_fd<X: Operand<Elem = f64> + Clone>(grad: &X, x: &X, f: impl Fn(&X) -> f64) {
    let h = 1e-6;
    for k in 0..x.elems().len() {
        let (mut plus, mut minus) = (x.clone(), x.clone());
        plus.elems_mut()[k] += h;
        minus.elems_mut()[k] -= h;
        let numeric = (f(&plus) - f(&minus)) / (2.0 * h);
        let exact = grad.elems()[k];
        let tol = 1e-6 * (1.0 + numeric.abs().max(exact.abs()));
        assert!(
            (exact - numeric).abs() <= tol,
            "element {k}: grad! gives {exact}, finite differences {numeric}"
        );
    }
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-12 * (1.0 + a.abs()), "{a} vs {b}");
}

/// A binary operator between operands of types `$A` and `$B` (result `$O`), weighted by a
/// random constant `p` so that the incoming gradient is not uniform.
macro_rules! binary {
    ($name:ident, $op:tt, $A:ty, $B:ty, $O:ty) => {
        proptest! {
            #[test]
            fn $name(seed in any::<u64>()) {
                let mut rng = StdRng::seed_from_u64(seed);
                let a: $A = sample(&mut rng);
                let b: $B = positive(&sample::<$B>(&mut rng));
                let p: $O = sample(&mut rng);
                let (loss, g) = grad!(|a, b| ((a $op b) * p).sum());
                let f = |a: &$A, b: &$B| ((*a $op *b) * p).sum();
                close(loss, f(&a, &b));
                let _: ($A, $B) = (g.a, g.b);
                check_fd(&g.a, &a, |x| f(x, &b));
                check_fd(&g.b, &b, |x| f(&a, x));
            }
        }
    };
}

type M = Tensor<f64, 3, 4>;
binary!(add_same_shape, +, M, M, M);
binary!(sub_row_broadcast, -, M, RowVector<f64, 4>, M);
binary!(mul_col_broadcast, *, M, ColVector<f64, 3>, M);
binary!(div_literal_row, /, M, Tensor<f64, 1, 4>, M);
binary!(div_broadcast_left, /, RowVector<f64, 4>, M, M);
binary!(add_both_broadcast, +, ColVector<f64, 3>, RowVector<f64, 4>, M);
binary!(mul_lower_rank, *, Tensor3<f64, 2, 3, 4>, M, Tensor3<f64, 2, 3, 4>);
binary!(sub_rank3_channel, -, Tensor3<f64, 2, 3, 4>, Tensor3<f64, 1, 1, 4>, Tensor3<f64, 2, 3, 4>);
binary!(mul_scalar_right, *, M, f64, M);
binary!(div_scalar_right, /, M, f64, M);
binary!(sub_scalar_left, -, f64, M, M);
binary!(div_scalar_left, /, f64, M, M);
binary!(add_scalar_left, +, f64, M, M);

/// `x` moved 0.01 away from 0, elementwise: off the kink of `abs` and `relu`, where central
/// finite differences of step `1e-6` average the two slopes (a normal sample within `1e-6` of 0
/// failed `relu` once in CI).
fn off_zero<X: Operand<Elem = f64> + Clone>(x: &X) -> X {
    let mut out = x.clone();
    for v in out.elems_mut() {
        *v += 0.01f64.copysign(*v);
    }
    out
}

/// `x` as sampled.
fn as_sampled<X: Operand<Elem = f64> + Clone>(x: &X) -> X {
    x.clone()
}

/// An elementwise method on `$X`, on inputs prepared by `$prep` (`positive` for `ln` and
/// `sqrt`, `off_zero` for the kinks).
macro_rules! unary {
    ($name:ident, $f:ident, $X:ty, $prep:expr) => {
        proptest! {
            #[test]
            fn $name(seed in any::<u64>()) {
                let mut rng = StdRng::seed_from_u64(seed);
                let a: $X = $prep(&sample::<$X>(&mut rng));
                let p: $X = sample(&mut rng);
                let (loss, g) = grad!(|a| (a.$f() * p).sum());
                let f = |a: &$X| (a.$f() * p).sum();
                close(loss, f(&a));
                check_fd(&g.a, &a, f);
            }
        }
    };
}

unary!(exp, exp, M, as_sampled);
unary!(ln, ln, M, positive);
unary!(sqrt, sqrt, Tensor3<f64, 2, 2, 3>, positive);
unary!(square, square, M, as_sampled);
unary!(abs, abs, M, off_zero);
unary!(tanh, tanh, RowVector<f64, 7>, as_sampled);
unary!(sigmoid, sigmoid, M, as_sampled);
unary!(relu, relu, M, off_zero);
unary!(softmax, softmax, M, as_sampled);
unary!(log_softmax, log_softmax, Tensor3<f64, 2, 2, 5>, as_sampled);

proptest! {
    #[test]
    fn matmul_shapes(seed in any::<u64>()) {
        let mut rng = StdRng::seed_from_u64(seed);
        let (a, b): (Tensor<f64, 2, 3>, Tensor<f64, 3, 5>) = (sample(&mut rng), sample(&mut rng));
        let p: Tensor<f64, 2, 5> = sample(&mut rng);
        let (loss, g) = grad!(|a, b| ((a @ b) * p).sum());
        let f = |a: &Tensor<f64, 2, 3>, b: &Tensor<f64, 3, 5>| (a.matmul(b) * p).sum();
        close(loss, f(&a, &b));
        check_fd(&g.a, &a, |x| f(x, &b));
        check_fd(&g.b, &b, |x| f(&a, x));
        // An outer product (K = 1) and a dot product.
        let (u, v): (Tensor<f64, 4, 1>, Tensor<f64, 1, 3>) = (sample(&mut rng), sample(&mut rng));
        let q: Tensor<f64, 4, 3> = sample(&mut rng);
        let (_, g) = grad!(|u, v| ((u @ v) * q).sum());
        check_fd(&g.u, &u, |x| (x.matmul(&v) * q).sum());
        check_fd(&g.v, &v, |x| (u.matmul(x) * q).sum());
        let (r, c): (Tensor<f64, 1, 6>, Tensor<f64, 6, 1>) = (sample(&mut rng), sample(&mut rng));
        let (dot, g) = grad!(|r, c| (r @ c).sum());
        close(dot, r.matmul(&c).sum());
        check_fd(&g.r, &r, |x| x.matmul(&c).sum());
        check_fd(&g.c, &c, |x| r.matmul(x).sum());
    }

    #[test]
    fn transpose_neg_and_powi(seed in any::<u64>()) {
        let mut rng = StdRng::seed_from_u64(seed);
        let a: Tensor<f64, 3, 2> = sample(&mut rng);
        let p: Tensor<f64, 2, 3> = sample(&mut rng);
        let (_, g) = grad!(|a| (a.T * p).sum());
        check_fd(&g.a, &a, |x| (x.t() * p).sum());
        let (_, g) = grad!(|a| (-a.T * p).sum());
        check_fd(&g.a, &a, |x| (-x.t() * p).sum());
        let (_, g) = grad!(|a| (a.powi(3) * p.T).sum());
        check_fd(&g.a, &a, |x| (x.powi(3) * p.t()).sum());
        let a = positive(&a);
        let (_, g) = grad!(|a| (a.powi(-2) * p.T).sum());
        check_fd(&g.a, &a, |x| (x.powi(-2) * p.t()).sum());
    }

    #[test]
    fn reductions(seed in any::<u64>()) {
        let mut rng = StdRng::seed_from_u64(seed);
        let a: Tensor3<f64, 2, 3, 4> = sample(&mut rng);
        let (mean, g) = grad!(|a| a.mean());
        close(mean, a.mean());
        check_fd(&g.a, &a, |x| x.mean());
        let (_, g) = grad!(|a| a.sum() * a.mean());
        check_fd(&g.a, &a, |x| x.sum() * x.mean());
        let p0: Tensor3<f64, 1, 3, 4> = sample(&mut rng);
        let (_, g) = grad!(|a| (a.sum_axis::<0>() * p0).sum());
        check_fd(&g.a, &a, |x| (x.sum_axis::<0>() * p0).sum());
        let p1: Tensor3<f64, 2, 1, 4> = sample(&mut rng);
        let (_, g) = grad!(|a| (a.mean_axis::<1>() * p1).sum());
        check_fd(&g.a, &a, |x| (x.mean_axis::<1>() * p1).sum());
        let p2: Tensor3<f64, 2, 3, 1> = sample(&mut rng);
        let (_, g) = grad!(|a| (a.mean_axis::<2>() * p2).sum());
        check_fd(&g.a, &a, |x| (x.mean_axis::<2>() * p2).sum());
        // Reduced results broadcast back: standardise each column.
        let m: Tensor<f64, 5, 3> = sample(&mut rng);
        let q: Tensor<f64, 5, 3> = sample(&mut rng);
        let (_, g) = grad!(|m| ((m - m.mean_axis::<0>()) / (m.square().mean_axis::<0>() + 1.0).sqrt() * q).sum());
        check_fd(&g.m, &m, |x| ((*x - x.mean_axis::<0>()) / (x.square().mean_axis::<0>() + 1.0).sqrt() * q).sum());
    }

    #[test]
    fn named_losses(seed in any::<u64>()) {
        let mut rng = StdRng::seed_from_u64(seed);
        // mse: both sides differentiated, against finite differences and the unfused form.
        let (p, t): (Tensor<f64, 4, 3>, Tensor<f64, 4, 3>) = (sample(&mut rng), sample(&mut rng));
        let (loss, g) = grad!(|p, t| p.mse(&t));
        let naive: f64 = p.iter().zip(t.iter()).map(|(a, b)| (a - b) * (a - b)).sum::<f64>() / 12.0;
        close(loss, naive);
        check_fd(&g.p, &p, |x| x.mse(&t));
        check_fd(&g.t, &t, |x| p.mse(x));
        let (_, unfused) = grad!(|p| (p - t).square().mean());
        prop_assert!(g.p.iter().zip(unfused.p.iter()).all(|(a, b)| (a - b).abs() <= 1e-15));
        // mse inside a model: a linear layer of a rank-3 input.
        let x: Tensor<f64, 5, 2> = sample(&mut rng);
        let w: Tensor<f64, 2, 3> = sample(&mut rng);
        let y: Tensor<f64, 5, 3> = sample(&mut rng);
        let (_, g) = grad!(|w| (x @ w).tanh().mse(&y));
        check_fd(&g.w, &w, |w| x.matmul(w).tanh().mse(&y));

        // cross_entropy: logits of 4 samples over 3 classes, one-hot and soft targets.
        let z: Tensor<f64, 4, 3> = sample(&mut rng);
        let classes: [usize; 4] = core::array::from_fn(|_| rng.random_range(0..3));
        let onehot = Tensor::<f64, 4, 3>::from_fn(|i, j| if classes[i] == j { 1.0 } else { 0.0 });
        let (loss, g) = grad!(|z| z.cross_entropy(&onehot));
        let naive: f64 = (0..4)
            .map(|i| {
                let lse = (0..3).map(|j| z[(i, j)].exp()).sum::<f64>().ln();
                lse - z[(i, classes[i])]
            })
            .sum::<f64>()
            / 4.0;
        close(loss, naive);
        check_fd(&g.z, &z, |x| x.cross_entropy(&onehot));
        let (_, unfused) = grad!(|z| -(onehot * z.log_softmax()).sum() / 4.0);
        prop_assert!(g.z.iter().zip(unfused.z.iter()).all(|(a, b)| (a - b).abs() <= 1e-15));
        let soft = positive(&sample::<Tensor<f64, 4, 3>>(&mut rng));
        let (_, g) = grad!(|z, soft| z.cross_entropy(&soft));
        check_fd(&g.z, &z, |x| x.cross_entropy(&soft));
        check_fd(&g.soft, &soft, |s| z.cross_entropy(s));
        // Over every axis but the last: a rank-3 batch of sequences.
        let z3: Tensor3<f64, 2, 3, 4> = sample(&mut rng);
        let y3 = positive(&sample::<Tensor3<f64, 2, 3, 4>>(&mut rng));
        let (_, g) = grad!(|z3| z3.cross_entropy(&y3));
        check_fd(&g.z3, &z3, |x| x.cross_entropy(&y3));
        // Lanes longer than a block of the vectorized `exp` (300 classes), against the
        // formula `(softmax(z) sum(y) - y) / lanes` evaluated naively in f64.
        let wide: Tensor<f64, 2, 300> = sample(&mut rng);
        let wide_y = positive(&sample::<Tensor<f64, 2, 300>>(&mut rng));
        let (_, g) = grad!(|wide| wide.cross_entropy(&wide_y));
        for i in 0..2 {
            let lse = (0..300).map(|k| wide[(i, k)].exp()).sum::<f64>().ln();
            let total = (0..300).map(|k| wide_y[(i, k)]).sum::<f64>();
            for j in 0..300 {
                let p = (wide[(i, j)] - lse).exp() * total;
                let want = (p - wide_y[(i, j)]) / 2.0;
                // Relative to the terms: the difference cancels.
                let tol = 1e-13 * (p.abs() + wide_y[(i, j)].abs());
                let got = g.wide[(i, j)];
                prop_assert!((got - want).abs() <= tol, "({i}, {j}): {got} vs {want}");
            }
        }
    }

    #[test]
    fn static_indexing_and_slicing(seed in any::<u64>()) {
        let mut rng = StdRng::seed_from_u64(seed);
        let a: Tensor<f64, 4, 5> = sample(&mut rng);
        // A row, a column from the end, a block, an element: each scatters back.
        let p: Tensor<f64, 1, 5> = sample(&mut rng);
        let (_, g) = grad!(|a| (a[2] * p).sum());
        check_fd(&g.a, &a, |x| (x.select(At::<2>, All) * p).sum());
        let (_, g) = grad!(|a| a[.., -1].square().sum());
        check_fd(&g.a, &a, |x| x.select(All, AtEnd::<1>).square().sum());
        let q: Tensor<f64, 2, 3> = sample(&mut rng);
        let (_, g) = grad!(|a| (a[1..3, 1..4] * q).sum());
        check_fd(&g.a, &a, |x| (x.select(Span::<1, 2>, Span::<1, 3>) * q).sum());
        let (v, g) = grad!(|a| a[3, 4] * a[0, 0]);
        close(v, a[(3, 4)] * a[(0, 0)]);
        check_fd(&g.a, &a, |x| x[(3, 4)] * x[(0, 0)]);
        // Overlapping selections of one input add up; a selection of a computed value.
        let w: Tensor<f64, 5, 3> = sample(&mut rng);
        let (_, g) = grad!(|a, w| ((a @ w)[1..4].tanh().sum() + (a[..2] @ w).sum()));
        check_fd(&g.a, &a, |x| x.matmul(&w).select(Span::<1, 3>, All).tanh().sum() + x.select(Span::<0, 2>, All).matmul(&w).sum());
        check_fd(&g.w, &w, |v| a.matmul(v).select(Span::<1, 3>, All).tanh().sum() + a.select(Span::<0, 2>, All).matmul(v).sum());
    }

    #[test]
    fn matmul_with_row_and_column_vectors(seed in any::<u64>()) {
        let mut rng = StdRng::seed_from_u64(seed);
        // A row vector on the left, a column vector on the right, and both (a dot product).
        let (r, m): (RowVector<f64, 3>, Tensor<f64, 3, 4>) = (sample(&mut rng), sample(&mut rng));
        let p: RowVector<f64, 4> = sample(&mut rng);
        let (_, g) = grad!(|r, m| ((r @ m) * p).sum());
        let _: (RowVector<f64, 3>, Tensor<f64, 3, 4>) = (g.r, g.m);
        check_fd(&g.r, &r, |x| (x.matmul(&m) * p).sum());
        check_fd(&g.m, &m, |x| (r.matmul(x) * p).sum());
        let c: ColVector<f64, 4> = sample(&mut rng);
        let q: ColVector<f64, 3> = sample(&mut rng);
        let (_, g) = grad!(|m, c| ((m @ c).tanh() * q).sum());
        let _: ColVector<f64, 4> = g.c;
        check_fd(&g.m, &m, |x| (x.matmul(&c).tanh() * q).sum());
        check_fd(&g.c, &c, |x| (m.matmul(x).tanh() * q).sum());
        let (_, g) = grad!(|r, m, c| (r @ m @ c).sum());
        check_fd(&g.r, &r, |x| x.matmul(&m).matmul(&c).sum());
        check_fd(&g.m, &m, |x| r.matmul(x).matmul(&c).sum());
        check_fd(&g.c, &c, |x| r.matmul(&m).matmul(x).sum());
    }

    #[test]
    fn reshapes_and_flatten(seed in any::<u64>()) {
        let mut rng = StdRng::seed_from_u64(seed);
        let a: Tensor3<f64, 2, 3, 4> = sample(&mut rng);
        // Across ranks, with the target given: the gradient is `p` back in the shape of `a`.
        let p: Tensor<f64, 6, 4> = sample(&mut rng);
        let (loss, g) = grad!(|a| (a.reshape::<Tensor<_, 6, 4>>() * p).sum());
        close(loss, (a.reshape::<Tensor<_, 6, 4>>() * p).sum());
        let _: Tensor3<f64, 2, 3, 4> = g.a;
        check_fd(&g.a, &a, |x| (x.reshape::<Tensor<_, 6, 4>>() * p).sum());
        // Within a rank.
        let q: Tensor3<f64, 4, 3, 2> = sample(&mut rng);
        let (_, g) = grad!(|a| (a.reshape::<Tensor3<_, 4, 3, 2>>() * q).sum());
        check_fd(&g.a, &a, |x| (x.reshape::<Tensor3<_, 4, 3, 2>>() * q).sum());
        // `flatten` feeding a product, and a reshape to rank 4 through nonlinear ops.
        let w: Tensor<f64, 24, 2> = sample(&mut rng);
        let (_, g) = grad!(|a, w| (a.tanh().flatten() @ w).square().sum());
        check_fd(&g.a, &a, |x| (x.tanh().flatten::<24>().matmul(&w)).square().sum());
        check_fd(&g.w, &w, |x| (a.tanh().flatten::<24>().matmul(x)).square().sum());
        let r: Tensor4<f64, 1, 2, 3, 4> = sample(&mut rng);
        let (_, g) = grad!(|a| (a.reshape::<Tensor4<_, 2, 2, 3, 2>>().exp().reshape::<Tensor4<_, 1, 2, 3, 4>>() * r).sum());
        check_fd(&g.a, &a, |x| (x.reshape::<Tensor4<_, 2, 2, 3, 2>>().exp().reshape::<Tensor4<_, 1, 2, 3, 4>>() * r).sum());
        // A matrix reshaped, used twice (two contributions summed), and a row vector back to a
        // column.
        let m: Tensor<f64, 3, 4> = sample(&mut rng);
        let s: Tensor<f64, 2, 6> = sample(&mut rng);
        let (_, g) = grad!(|m| (m.reshape::<Tensor<_, 2, 6>>() * s).sum() + (m.reshape::<Tensor<_, 2, 6>>().square() * s).mean());
        check_fd(&g.m, &m, |x| (x.reshape::<Tensor<_, 2, 6>>() * s).sum() + (x.reshape::<Tensor<_, 2, 6>>().square() * s).mean());
        let v: RowVector<f64, 5> = sample(&mut rng);
        let c: ColVector<f64, 5> = sample(&mut rng);
        let (_, g) = grad!(|v| (v.reshape::<Tensor<_, 5, 1>>() * c).sum());
        let _: RowVector<f64, 5> = g.v;
        check_fd(&g.v, &v, |x| (x.reshape::<Tensor<_, 5, 1>>() * c).sum());
    }

    #[test]
    fn scalar_losses_and_scalar_inputs(seed in any::<u64>()) {
        let mut rng = StdRng::seed_from_u64(seed);
        let x: Tensor<f64, 4, 2> = sample(&mut rng);
        let s: f64 = sample(&mut rng);
        let t: f64 = positive(&sample::<f64>(&mut rng));
        // Scalar intermediate values go through every elementwise function.
        let (loss, g) = grad!(|x, s, t| ((x * s).sum().tanh().square().sigmoid() + t.ln() * s.exp() / t.sqrt()).relu() - (-s).abs());
        let f = |x: &Tensor<f64, 4, 2>, s: f64, t: f64| {
            let z = (*x * s).sum().tanh().powi(2);
            let sig = 1.0 / (1.0 + (-z).exp());
            (sig + t.ln() * s.exp() / t.sqrt()).max(0.0) - s.abs()
        };
        close(loss, f(&x, s, t));
        check_fd(&g.x, &x, |v| f(v, s, t));
        check_fd(&g.s, &s, |v| f(&x, *v, t));
        check_fd(&g.t, &t, |v| f(&x, s, *v));
    }
}

#[test]
fn shared_subexpressions_accumulate() {
    let mut rng = StdRng::seed_from_u64(7);
    let x: Tensor<f64, 4, 3> = sample(&mut rng);
    let w: Tensor<f64, 3, 2> = sample(&mut rng);
    let (loss, g) = grad!(|w| ((x @ w).tanh() * (x @ w).tanh() + (x @ w).tanh() * w.sum()).mean());
    let f = |w: &Tensor<f64, 3, 2>| {
        let h = x.matmul(w).tanh();
        (h * h + h * w.sum()).mean()
    };
    close(loss, f(&w));
    check_fd(&g.w, &w, f);
    // An input on both sides of an operator.
    let (_, g) = grad!(|w| (w * w / w.exp()).sum());
    check_fd(&g.w, &w, |v| (*v * *v / v.exp()).sum());
}

#[test]
fn constants_use_the_whole_dsl() {
    let x = Tensor::<f64, 3, 3>::arange();
    let w = Tensor::<f64, 1, 3>::full(0.5);
    // `x[.., 1..] @ ...` and a literal are constants, computed as `tensor!` does.
    let (loss, g) = grad!(|w| (w * x[..2, ..].sum_axis::<0>() * [1.0, 2.0, 3.0] - x.T[0, 0]).sum());
    let c = tensor![[3.0, 10.0, 21.0]]; // column sums of the first two rows, times the literal
    close(loss, (w * c).sum());
    assert_eq!(g.w, c);
}

#[test]
fn f32_matches_f64() {
    let mut rng = StdRng::seed_from_u64(3);
    let x: Tensor<f64, 8, 3> = sample(&mut rng);
    let y: Tensor<f64, 8, 1> = sample::<Tensor<f64, 8, 1>>(&mut rng).sigmoid();
    let w: Tensor<f64, 3, 1> = sample(&mut rng);
    let b: RowVector<f64, 1> = sample(&mut rng);
    let (loss, g) = grad!(|w, b| ((x @ w + b).sigmoid() - y).square().mean());
    let (x32, y32) = (x.map(|v| v as f32), y.map(|v| v as f32));
    let (w, b) = (w.map(|v| v as f32), b.map(|v| v as f32));
    let (x, y) = (x32, y32);
    let (loss32, g32) = grad!(|w, b| ((x @ w + b).sigmoid() - y).square().mean());
    let _: (f32, Tensor<f32, 3, 1>, RowVector<f32, 1>) = (loss32, g32.w, g32.b);
    assert!((f64::from(loss32) - loss).abs() < 1e-5);
    for (a, b) in g32
        .w
        .iter()
        .chain(g32.b.iter())
        .zip(g.w.iter().chain(g.b.iter()))
    {
        assert!((f64::from(*a) - b).abs() < 1e-5, "{a} vs {b}");
    }
}

/// A two-layer MLP's cross-entropy loss and its gradients, generic over the batch size with
/// no where-clause.
fn mlp_grad<const N: usize>(
    x: &Tensor<f64, N, 4>,
    y: &Tensor<f64, N, 3>,
    w1: Tensor<f64, 4, 5>,
    b1: RowVector<f64, 5>,
    w2: Tensor<f64, 5, 3>,
    b2: RowVector<f64, 3>,
) -> (
    f64,
    Tensor<f64, 4, 5>,
    RowVector<f64, 5>,
    Tensor<f64, 5, 3>,
    RowVector<f64, 3>,
) {
    let (x, y, n) = (*x, *y, N as f64);
    let (loss, g) =
        grad!(|w1, b1, w2, b2| -(y * ((x @ w1 + b1).tanh() @ w2 + b2).log_softmax()).sum() / n);
    (loss, g.w1, g.b1, g.w2, g.b2)
}

fn check_mlp<const N: usize>(seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let x: Tensor<f64, N, 4> = sample(&mut rng);
    let y: Tensor<f64, N, 3> = Tensor::from_fn(|i, k| f64::from(u8::from(i % 3 == k)));
    let (w1, b1, w2, b2) = (
        sample(&mut rng),
        sample(&mut rng),
        sample(&mut rng),
        sample(&mut rng),
    );
    let (loss, gw1, gb1, gw2, gb2) = mlp_grad(&x, &y, w1, b1, w2, b2);
    let f = |w1: &Tensor<f64, 4, 5>,
             b1: &RowVector<f64, 5>,
             w2: &Tensor<f64, 5, 3>,
             b2: &RowVector<f64, 3>| {
        let h = (x.matmul(w1) + *b1).tanh();
        -(y * (h.matmul(w2) + *b2).log_softmax()).sum() / N as f64
    };
    close(loss, f(&w1, &b1, &w2, &b2));
    check_fd(&gw1, &w1, |v| f(v, &b1, &w2, &b2));
    check_fd(&gb1, &b1, |v| f(&w1, v, &w2, &b2));
    check_fd(&gw2, &w2, |v| f(&w1, &b1, v, &b2));
    check_fd(&gb2, &b2, |v| f(&w1, &b1, &w2, v));
}

#[test]
fn generic_mlp_at_two_batch_sizes() {
    check_mlp::<1>(1);
    check_mlp::<16>(2);
}

/// Constants may be references (a function's `x: &Tensor`); inputs are values.
fn logistic_loss<const N: usize>(
    x: &Tensor<f64, N, 3>,
    y: &Tensor<f64, N, 1>,
    w: Tensor<f64, 3, 1>,
    b: f64,
) -> (f64, Tensor<f64, 3, 1>, f64) {
    let (loss, g) = grad!(|w, b| (((x @ w + b).exp() + 1.0).ln() - y * (x @ w + b)).mean());
    (loss, g.w, g.b)
}

#[test]
fn constants_by_reference() {
    let mut rng = StdRng::seed_from_u64(11);
    let x: Tensor<f64, 6, 3> = sample(&mut rng);
    let y = Tensor::<f64, 6, 1>::from_fn(|i, _| f64::from(u8::from(i % 2 == 0)));
    let (w, b): (Tensor<f64, 3, 1>, f64) = (sample(&mut rng), 0.3);
    let f = |w: &Tensor<f64, 3, 1>, b: f64| {
        let z = x.matmul(w) + b;
        ((z.exp() + 1.0).ln() - y * z).mean()
    };
    let (loss, gw, gb) = logistic_loss(&x, &y, w, b);
    close(loss, f(&w, b));
    check_fd(&gw, &w, |v| f(v, b));
    check_fd(&gb, &b, |v| f(&w, *v));
}
