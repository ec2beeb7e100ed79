//! Elementwise operators, broadcasts and reductions at every shape (issue 20): columns, rows,
//! tiny and large tensors, each against the plain loop a user would write over the same
//! arrays, one criterion group per op and shape (`tensor` and `loop`). The ratios go into
//! BENCHMARKS.md (`python3 benches/shapes_report.py --ops` reads them from target/criterion).
//!
//! `cargo bench --bench shapes_ops` takes about a minute (short measurements: the ratios, not
//! the absolute times, are the point); `tests/perf_guard_ops.rs` checks a subset in CI.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use tensor::{Tensor, Tensor3};

/// The shared configuration with shorter measurements (flags still override).
fn criterion() -> Criterion {
    common::criterion()
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_millis(300))
        .sample_size(10)
        .configure_from_args()
}

fn value<T: From<f32>>(i: usize) -> T {
    T::from(common::value(i) as f32)
}

/// One group `op/shape` with the tensor call and the plain loop.
fn pair<A, B>(c: &mut Criterion, op: &str, shape: &str, mut tensor: A, mut plain: B)
where
    A: FnMut(),
    B: FnMut(),
{
    let mut group = c.benchmark_group(format!("{op}/{shape}"));
    group.bench_function(BenchmarkId::new("tensor", shape), |b| b.iter(&mut tensor));
    group.bench_function(BenchmarkId::new("loop", shape), |b| b.iter(&mut plain));
    group.finish();
}

/// The elementwise and per-axis benchmarks of one `R x C` matrix type (stack values).
macro_rules! matrix_ops {
    ($c:expr, $T:ty, $r:literal, $cols:literal) => {{
        const R: usize = $r;
        const C: usize = $cols;
        let shape = format!("{}/{R}x{C}", stringify!($T));
        let a: Box<Tensor<$T, R, C>> = Tensor::boxed_from_fn(|i, j| value(i * C + j));
        let b: Box<Tensor<$T, R, C>> = Tensor::boxed_from_fn(|i, j| value(R * C + i * C + j));
        let row: Tensor<$T, 1, C> = Tensor::from_fn(|_, j| value(7 * j));
        let col: Tensor<$T, R, 1> = Tensor::from_fn(|i, _| value(3 * i));
        let mut out: Box<[[$T; C]; R]> = Box::new([[0.0; C]; R]);
        let mut out_row = [0.0 as $T; C];
        let mut out_col = [0.0 as $T; R];

        pair(
            $c,
            "add",
            &shape,
            || {
                let s = black_box(&*a) + black_box(&*b);
                black_box(&s);
            },
            || {
                let (x, y) = (black_box(a.as_array()), black_box(b.as_array()));
                for i in 0..R {
                    for j in 0..C {
                        out[i][j] = x[i][j] + y[i][j];
                    }
                }
                black_box(&out);
            },
        );
        pair(
            $c,
            "add_row",
            &shape,
            || {
                let s = black_box(&*a) + black_box(&row);
                black_box(&s);
            },
            || {
                let (x, y) = (black_box(a.as_array()), black_box(row.as_array()));
                for i in 0..R {
                    for j in 0..C {
                        out[i][j] = x[i][j] + y[0][j];
                    }
                }
                black_box(&out);
            },
        );
        pair(
            $c,
            "mul_col",
            &shape,
            || {
                let s = black_box(&*a) * black_box(&col);
                black_box(&s);
            },
            || {
                let (x, y) = (black_box(a.as_array()), black_box(col.as_array()));
                for i in 0..R {
                    for j in 0..C {
                        out[i][j] = x[i][j] * y[i][0];
                    }
                }
                black_box(&out);
            },
        );
        pair(
            $c,
            "sum",
            &shape,
            || {
                black_box(black_box(&*a).sum());
            },
            || {
                let mut s = 0.0;
                for r in black_box(a.as_array()) {
                    for &x in r {
                        s += x;
                    }
                }
                black_box(s);
            },
        );
        pair(
            $c,
            "sum_axis0",
            &shape,
            || {
                let s = black_box(&*a).sum_axis::<0>();
                black_box(&s);
            },
            || {
                out_row = [0.0; C];
                for r in black_box(a.as_array()) {
                    for j in 0..C {
                        out_row[j] += r[j];
                    }
                }
                black_box(&out_row);
            },
        );
        pair(
            $c,
            "sum_axis1",
            &shape,
            || {
                let s = black_box(&*a).sum_axis::<1>();
                black_box(&s);
            },
            || {
                for (o, r) in out_col.iter_mut().zip(black_box(a.as_array())) {
                    let mut s = 0.0;
                    for &x in r {
                        s += x;
                    }
                    *o = s;
                }
                black_box(&out_col);
            },
        );
        pair(
            $c,
            "mean_axis0",
            &shape,
            || {
                let s = black_box(&*a).mean_axis::<0>();
                black_box(&s);
            },
            || {
                out_row = [0.0; C];
                for r in black_box(a.as_array()) {
                    for j in 0..C {
                        out_row[j] += r[j];
                    }
                }
                for x in &mut out_row {
                    *x /= R as $T;
                }
                black_box(&out_row);
            },
        );
        pair(
            $c,
            "var_axis0",
            &shape,
            || {
                let s = black_box(&*a).var_axis::<0>();
                black_box(&s);
            },
            || {
                let x = black_box(a.as_array());
                let mut mean = [0.0 as $T; C];
                for r in x {
                    for j in 0..C {
                        mean[j] += r[j];
                    }
                }
                for m in &mut mean {
                    *m /= R as $T;
                }
                out_row = [0.0; C];
                for r in x {
                    for j in 0..C {
                        out_row[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
                    }
                }
                for v in &mut out_row {
                    *v /= R as $T;
                }
                black_box(&out_row);
            },
        );
        pair(
            $c,
            "var_axis1",
            &shape,
            || {
                let s = black_box(&*a).var_axis::<1>();
                black_box(&s);
            },
            || {
                for (o, r) in out_col.iter_mut().zip(black_box(a.as_array())) {
                    let mut m = 0.0;
                    for &x in r {
                        m += x;
                    }
                    m /= C as $T;
                    let mut v = 0.0;
                    for &x in r {
                        v += (x - m) * (x - m);
                    }
                    *o = v / C as $T;
                }
                black_box(&out_col);
            },
        );
    }};
}

/// Per-axis sums of a rank-3 `(H, W, C)` image: over the channels (axis 2) and per channel.
macro_rules! image_ops {
    ($c:expr, $h:literal, $w:literal, $ch:literal) => {{
        const H: usize = $h;
        const W: usize = $w;
        const CH: usize = $ch;
        let shape = format!("f32/{H}x{W}x{CH}");
        let a: Tensor3<f32, H, W, CH> = Tensor3::from_fn(|i, j, k| value((i * W + j) * CH + k));
        pair(
            $c,
            "sum_axis2",
            &shape,
            || {
                let s = black_box(&a).sum_axis::<2>();
                black_box(&s);
            },
            || {
                let mut out = [[[0.0f32; 1]; W]; H];
                for (o, x) in out.iter_mut().zip(black_box(a.as_array())) {
                    for (o, px) in o.iter_mut().zip(x) {
                        let mut s = 0.0;
                        for &v in px {
                            s += v;
                        }
                        o[0] = s;
                    }
                }
                black_box(&out);
            },
        );
        pair(
            $c,
            "channel_mean",
            &shape,
            || {
                let s = black_box(&a).channel_mean();
                black_box(&s);
            },
            || {
                let mut out = [0.0f32; CH];
                for x in black_box(a.as_array()) {
                    for px in x {
                        for k in 0..CH {
                            out[k] += px[k];
                        }
                    }
                }
                for o in &mut out {
                    *o /= (H * W) as f32;
                }
                black_box(&out);
            },
        );
    }};
}

fn main() {
    common::with_big_stack(|| {
        let mut c = criterion();
        // Tiny, columns, rows, square and large.
        matrix_ops!(&mut c, f32, 3, 4);
        matrix_ops!(&mut c, f64, 3, 4);
        matrix_ops!(&mut c, f32, 10000, 1);
        matrix_ops!(&mut c, f32, 1, 10000);
        matrix_ops!(&mut c, f64, 10000, 1);
        matrix_ops!(&mut c, f64, 1, 10000);
        matrix_ops!(&mut c, f32, 100, 100);
        matrix_ops!(&mut c, f32, 1000, 3);
        matrix_ops!(&mut c, f64, 1000, 64);
        matrix_ops!(&mut c, f32, 1000, 1000);
        image_ops!(&mut c, 32, 32, 3);
        c.final_summary();
    });
}
