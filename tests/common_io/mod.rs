//! Shared by the array-file tests: fixture paths and the formula the fixtures were generated
//! with (`tests/fixtures/io/generate.py`).
#![allow(dead_code)]

use std::path::PathBuf;

/// A fixture of `tests/fixtures/io/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/io/")).join(name)
}

/// A scratch file in the system's temporary directory, unique to this test process.
pub fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tensor-io-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The fixture value at row-major position `k`, as `generate.py` computes it.
pub trait Pattern: Sized {
    fn at(k: usize) -> Self;
}

macro_rules! int_pattern {
    ($($t:ty => $u:ty),*) => {$(
        impl Pattern for $t {
            fn at(k: usize) -> Self {
                (k as u64).wrapping_mul(2654435761).wrapping_add(12345) as $u as $t
            }
        }
    )*};
}
int_pattern!(i8 => u8, i16 => u16, i32 => u32, i64 => u64, u8 => u8, u16 => u16, u32 => u32, u64 => u64);

impl Pattern for f64 {
    fn at(k: usize) -> Self {
        k as f64 * 0.1 - 1.5
    }
}

impl Pattern for f32 {
    fn at(k: usize) -> Self {
        f64::at(k) as f32
    }
}

/// The fixture values of a shape, in row-major order.
pub fn expected<T: Pattern>(shape: &[usize]) -> Vec<T> {
    (0..shape.iter().product()).map(T::at).collect()
}
