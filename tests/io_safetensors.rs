//! safetensors at run time: every dtype and rank against a file written by the `safetensors`
//! Python package (`tests/fixtures/io/generate.py`), round trips, and corrupt input that must
//! give an error value, never a panic or a wrong tensor.
#![cfg(feature = "safetensors")]

use crate::common_io;

use common_io::{Pattern, expected, fixture, tmp};
use tensor::io::{DataError, FileArray, SafeTensorsFile, SafeTensorsWriter};
use tensor::{Tensor, Tensor3, Tensor4};

fn check<A: FileArray + PartialEq + std::fmt::Debug>(st: &SafeTensorsFile, name: &str)
where
    A::Elem: Pattern,
{
    let a: A = st.get(name).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        a.as_row_major(),
        &expected::<A::Elem>(A::SHAPE)[..],
        "{name}"
    );
    let boxed: Box<A> = Box::new(st.get(name).unwrap());
    assert_eq!(*boxed, a);
}

macro_rules! every_rank {
    ($($t:ident)*) => {
        #[test]
        fn every_dtype_and_rank_from_python() {
            let st = SafeTensorsFile::open(fixture("tensors.safetensors")).unwrap();
            $(
                check::<Tensor<$t, 1, 5>>(&st, concat!(stringify!($t), "_5"));
                check::<Tensor<$t, 3, 4>>(&st, concat!(stringify!($t), "_3x4"));
                check::<Box<Tensor<$t, 3, 4>>>(&st, concat!(stringify!($t), "_3x4"));
                check::<Tensor3<$t, 2, 3, 4>>(&st, concat!(stringify!($t), "_2x3x4"));
                check::<Box<Tensor3<$t, 2, 3, 4>>>(&st, concat!(stringify!($t), "_2x3x4"));
                check::<Tensor4<$t, 2, 3, 2, 2>>(&st, concat!(stringify!($t), "_2x3x2x2"));
                check::<Box<Tensor4<$t, 2, 3, 2, 2>>>(&st, concat!(stringify!($t), "_2x3x2x2"));
            )*
            check::<Tensor<f32, 0, 3>>(&st, "f32_0x3");
        }

        #[test]
        fn round_trip_every_dtype() {
            let mut out = SafeTensorsWriter::new();
            $(
                let a = Tensor3::<$t, 2, 3, 4>::from_fn(|i, j, k| <$t as Pattern>::at(i * 12 + j * 4 + k));
                out.add(stringify!($t), &a).unwrap();
            )*
            let path = tmp("round_trip.safetensors");
            out.save(&path).unwrap();
            let st = SafeTensorsFile::open(&path).unwrap();
            $( check::<Tensor3<$t, 2, 3, 4>>(&st, stringify!($t)); )*
        }
    };
}

every_rank!(i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);

#[test]
fn mismatches_name_the_file_the_tensor_and_both_shapes_and_dtypes() {
    let path = fixture("tensors.safetensors");
    let st = SafeTensorsFile::open(&path).unwrap();
    let p = path.display();
    assert_eq!(
        st.get::<Tensor<f32, 4, 3>>("f32_3x4")
            .unwrap_err()
            .to_string(),
        format!(
            "{p}, array `f32_3x4`: expected an array of shape (4, 3) and dtype float32, found shape (3, 4) and dtype float32"
        )
    );
    assert_eq!(
        st.get::<Tensor<f32, 3, 4>>("i32_3x4")
            .unwrap_err()
            .to_string(),
        format!(
            "{p}, array `i32_3x4`: expected an array of shape (3, 4) and dtype float32, found shape (3, 4) and dtype int32"
        )
    );
    assert!(
        st.get::<Tensor<f32, 2, 2>>("f16")
            .unwrap_err()
            .to_string()
            .ends_with("found shape (2, 2) and dtype F16")
    );
    let e = st.get::<Tensor<f32, 2, 2>>("nope").unwrap_err();
    assert!(matches!(&e, DataError::MissingArray { available, .. } if available.len() == 42));
    assert!(e.to_string().starts_with(&format!(
        "{p}: no array named `nope`; the archive holds `f16`, `f32_0x3`, "
    )));
    let e = SafeTensorsFile::open("no/such.safetensors").err().unwrap();
    assert!(
        matches!(e, DataError::Io { .. }) && e.to_string().starts_with("no/such.safetensors: ")
    );
}

/// Reads `bytes` and a tensor of it, which must give an error (never a panic).
fn must_fail(bytes: Vec<u8>) -> DataError {
    match SafeTensorsFile::from_bytes(bytes) {
        Err(e) => e,
        Ok(st) => st
            .get::<Tensor<f32, 3, 4>>("f32_3x4")
            .err()
            .unwrap_or_else(|| panic!("read a corrupt file")),
    }
}

#[test]
fn corrupt_files_are_errors() {
    let good = std::fs::read(fixture("tensors.safetensors")).unwrap();
    let header_len = u64::from_le_bytes(good[..8].try_into().unwrap()) as usize;
    // Every truncation of the header, and some of the data.
    for len in (0..8 + header_len + 64).chain((8 + header_len..good.len()).step_by(97)) {
        let e = must_fail(good[..len].to_vec());
        assert!(matches!(e, DataError::Malformed { .. }), "{len}: {e}");
    }
    let last = must_fail(good[..good.len() - 1].to_vec()).to_string();
    assert!(
        last.starts_with("<in-memory data>: not a valid safetensors file: the data of tensor `"),
        "{last}"
    );
    assert!(last.contains("past the end of the file's"), "{last}");
    // Header length beyond the file, or huge.
    let mut bad = good.clone();
    bad[..8].copy_from_slice(&(u64::MAX).to_le_bytes());
    assert!(must_fail(bad).to_string().ends_with("header too large"));
    // Every header byte overwritten with a few values: errors or tensors, never panics.
    for i in 0..8 + header_len {
        for v in [0u8, b'9', b'[', b'"', b'}', 0xff] {
            let mut bad = good.clone();
            bad[i] = v;
            if let Ok(st) = SafeTensorsFile::from_bytes(bad) {
                let _ = st.get::<Tensor<f32, 3, 4>>("f32_3x4");
            }
        }
    }
}

fn file_with_header(header: &str, data_len: usize) -> Vec<u8> {
    let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
    bytes.extend(header.as_bytes());
    bytes.extend(std::iter::repeat_n(0u8, data_len));
    bytes
}

#[test]
fn huge_declared_shapes_and_offsets_are_errors() {
    for header in [
        r#"{"a":{"dtype":"F32","shape":[4294967296,4294967296,4],"data_offsets":[0,16]}}"#,
        r#"{"a":{"dtype":"F32","shape":[3,4],"data_offsets":[0,18446744073709551615]}}"#,
        r#"{"a":{"dtype":"F32","shape":[3,4],"data_offsets":[16,0]}}"#,
        r#"{"a":{"dtype":"F32","shape":[-3,4],"data_offsets":[0,48]}}"#,
        r#"{"a":{"dtype":"Q7","shape":[3,4],"data_offsets":[0,48]}}"#,
        // Offsets summing to 2^64 - 8: the end check must not overflow.
        r#"{"a":{"dtype":"U8","shape":[2305843009213693951],"data_offsets":[0,2305843009213693951]},"b":{"dtype":"U8","shape":[2305843009213693951],"data_offsets":[2305843009213693951,4611686018427387902]},"c":{"dtype":"U8","shape":[2305843009213693951],"data_offsets":[4611686018427387902,6917529027641081853]},"d":{"dtype":"U8","shape":[2305843009213693951],"data_offsets":[6917529027641081853,9223372036854775804]},"e":{"dtype":"U8","shape":[2305843009213693951],"data_offsets":[9223372036854775804,11529215046068469755]},"f":{"dtype":"U8","shape":[2305843009213693951],"data_offsets":[11529215046068469755,13835058055282163706]},"g":{"dtype":"U8","shape":[2305843009213693951],"data_offsets":[13835058055282163706,16140901064495857657]},"h":{"dtype":"U8","shape":[2305843009213693951],"data_offsets":[16140901064495857657,18446744073709551608]}}"#,
    ] {
        let e = SafeTensorsFile::from_bytes(file_with_header(header, 48))
            .err()
            .unwrap();
        assert!(matches!(e, DataError::Malformed { .. }), "{header}: {e}");
    }
}
