//! `transpose` / `t` of matrices large enough to be moved in tiles (1 MiB and more, both sides
//! at least a tile: 16 `f32`, 8 `f64`, 64 `u8`), against the definition `out[j][i] =
//! a[i][j]`: every element, sides that are not multiples of the tile, each element size, and
//! an element type too wide for tiles (the plain loop); and the loop's three forms below
//! that: returned from a call of its own from 2 KiB, inlined below.

use tensor::Tensor;

use crate::common::on_stack;

/// Checks `a.t()` element by element and `a.t().t() == a`.
fn check<T, const R: usize, const C: usize>(f: impl Fn(usize, usize) -> T)
where
    T: Copy + PartialEq + std::fmt::Debug,
{
    let a: Box<Tensor<T, R, C>> = Tensor::boxed_from_fn(&f);
    let t = Box::new(a.t());
    for j in 0..C {
        for i in 0..R {
            assert_eq!(t[(j, i)], f(i, j), "({R}, {C}): element ({j}, {i})");
        }
    }
    assert!(t.t() == *a, "({R}, {C}): the transpose of the transpose");
}

#[test]
fn large_transposes_move_every_element() {
    on_stack(256 << 20, || {
        check::<f32, 16384, 64>(|i, j| (i * 64 + j) as f32);
        check::<f32, 64, 16384>(|i, j| (i * 16384 + j) as f32);
        check::<f32, 513, 517>(|i, j| (i * 517 + j) as f32 * 0.5);
        check::<f64, 300, 500>(|i, j| (i * 500 + j) as f64 - 1e5);
        check::<u8, 1030, 1025>(|i, j| (i * 7 + j * 13) as u8);
        check::<u16, 729, 729>(|i, j| (i * 729 + j) as u16);
        check::<[u64; 4], 200, 200>(|i, j| [i as u64, j as u64, 0, 1]);
        // Below 1 MiB: returned from a call of its own (2 KiB and more) or inlined.
        check::<f64, 100, 100>(|i, j| (i * 100 + j) as f64 + 0.25);
        check::<f32, 784, 128>(|i, j| (i * 128 + j) as f32);
        check::<f32, 1, 600>(|_, j| j as f32);
        check::<f32, 31, 17>(|i, j| (i * 17 + j) as f32);
        check::<f32, 511, 1>(|i, _| i as f32);
        check::<i16, 3, 5>(|i, j| (i * 5 + j) as i16);
    });
}
