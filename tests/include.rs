//! `include_npy!` and `include_safetensors!`: the embedded tensors equal what `tensor::io`
//! reads at run time, bit for bit (IEEE special values included), with the file's type, in
//! `const` and `static` items. The ui-tests in `ui-tests/include/` are the failing twins.
#![cfg(all(feature = "npy", feature = "safetensors"))]

use crate::common_io;

use common_io::fixture;
use tensor::io::{SafeTensorsFile, load_npy};
use tensor::prelude::*;
use tensor::{include_npy, include_safetensors};

static W: Tensor<f32, 3, 4> = include_npy!("tests/fixtures/io/f32_3x4_c.npy");
const IMAGE: Tensor3<u8, 2, 3, 4> =
    include_safetensors!("tests/fixtures/io/tensors.safetensors", "u8_2x3x4");

fn bits<T: Copy, const N: usize>(x: &[T], to_bits: impl Fn(T) -> u64) -> Vec<u64> {
    assert_eq!(x.len(), N);
    x.iter().map(|&v| to_bits(v)).collect()
}

#[test]
fn const_and_static_items() {
    assert_eq!(
        W,
        load_npy::<Tensor<f32, 3, 4>>(fixture("f32_3x4_c.npy")).unwrap()
    );
    let st = SafeTensorsFile::open(fixture("tensors.safetensors")).unwrap();
    assert_eq!(IMAGE, st.get::<Tensor3<u8, 2, 3, 4>>("u8_2x3x4").unwrap());
}

#[test]
fn special_floats_are_bit_exact() {
    let a = include_npy!("tests/fixtures/io/f64_specials_c.npy");
    let b = include_npy!("tests/fixtures/io/f32_specials_c.npy");
    let ra: Tensor<f64, 1, 12> = load_npy(fixture("f64_specials_c.npy")).unwrap();
    let rb: Tensor<f32, 1, 12> = load_npy(fixture("f32_specials_c.npy")).unwrap();
    assert_eq!(
        bits::<_, 12>(a.as_flat(), f64::to_bits),
        bits::<_, 12>(ra.as_flat(), f64::to_bits)
    );
    assert_eq!(
        bits::<_, 12>(b.as_flat(), |x: f32| u64::from(x.to_bits())),
        bits::<_, 12>(rb.as_flat(), |x: f32| u64::from(x.to_bits()))
    );
    // A float pattern of 50176 values: every one exact.
    let big = include_npy!("tests/fixtures/io/f32_64x784_c.npy");
    let rbig = load_npy::<Box<Tensor<f32, 64, 784>>>(fixture("f32_64x784_c.npy")).unwrap();
    assert!(
        big.as_flat()
            .iter()
            .zip(rbig.as_flat())
            .all(|(x, y)| x.to_bits() == y.to_bits())
    );
}

#[test]
fn every_dtype_rank_and_order_matches_run_time_loading() {
    macro_rules! check {
        ($ty:ty, $file:literal) => {{
            let t: $ty = include_npy!($file);
            let r: $ty = load_npy(concat!(env!("CARGO_MANIFEST_DIR"), "/", $file)).unwrap();
            assert_eq!(t, r, $file);
        }};
    }
    check!(RowVector<i8, 5>, "tests/fixtures/io/i8_5_c.npy");
    check!(Tensor<i16, 3, 4>, "tests/fixtures/io/i16_3x4_f.npy");
    check!(Tensor<i32, 3, 4>, "tests/fixtures/io/i32_3x4_be.npy");
    check!(Tensor<i64, 3, 4>, "tests/fixtures/io/i64_3x4_bef.npy");
    check!(Tensor3<u8, 2, 3, 4>, "tests/fixtures/io/u8_2x3x4_f.npy");
    check!(Tensor3<u16, 2, 3, 4>, "tests/fixtures/io/u16_2x3x4_c.npy");
    check!(Tensor4<u32, 2, 3, 2, 2>, "tests/fixtures/io/u32_2x3x2x2_f.npy");
    check!(Tensor4<u64, 2, 3, 2, 2>, "tests/fixtures/io/u64_2x3x2x2_c.npy");
    check!(Tensor4<f32, 2, 3, 2, 2>, "tests/fixtures/io/f32_2x3x2x2_f.npy");
    check!(Tensor<f64, 3, 4>, "tests/fixtures/io/f64_3x4_bef.npy");
    check!(RowVector<f32, 0>, "tests/fixtures/io/f32_0_c.npy");
    check!(Tensor<f32, 0, 3>, "tests/fixtures/io/f32_0x3_c.npy");
    check!(Tensor3<i16, 2, 0, 3>, "tests/fixtures/io/i16_2x0x3_c.npy");
    // Integer extremes: i64::MIN-style values come out of the wrapping pattern.
    let st = SafeTensorsFile::open(fixture("tensors.safetensors")).unwrap();
    macro_rules! check_st {
        ($ty:ty, $name:literal) => {{
            let t: $ty = include_safetensors!("tests/fixtures/io/tensors.safetensors", $name);
            assert_eq!(t, st.get::<$ty>($name).unwrap(), $name);
        }};
    }
    check_st!(RowVector<i8, 5>, "i8_5");
    check_st!(Tensor<i64, 3, 4>, "i64_3x4");
    check_st!(Tensor3<u64, 2, 3, 4>, "u64_2x3x4");
    check_st!(Tensor4<f64, 2, 3, 2, 2>, "f64_2x3x2x2");
    check_st!(Tensor<f32, 0, 3>, "f32_0x3");
}

#[test]
fn the_type_comes_from_the_file() {
    // No annotation: the shape drives the rest of the program's types.
    let w = include_npy!("tests/fixtures/io/f32_3x4_c.npy");
    let x = Tensor::<f32, 4, 2>::ones();
    let y: Tensor<f32, 3, 2> = w.matmul(&x);
    assert_eq!(y[(0, 0)], W.as_flat()[..4].iter().sum::<f32>());
}
