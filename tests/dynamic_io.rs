//! Array files whose row count is only known when they are read: NumPy-written `.npy` files
//! (C and Fortran order) and safetensors load into `DynArray`s of any number of rows, a wrong
//! row shape or dtype is an error naming the file and both shapes (the rows as `n`), and
//! writing a `DynArray` gives a file a static tensor of that many rows reads back.
#![cfg(all(feature = "npy", feature = "safetensors"))]

use crate::common_io;

use common_io::{expected, fixture, tmp};
use tensor::io::{ANY_ROWS, DataError, SafeTensorsFile, SafeTensorsWriter, load_npy, save_npy};
use tensor::{DynTensor, DynTensor3, DynTensor4, Tensor, Tensor3};

#[test]
fn npy_files_of_any_row_count_load_into_dyn_tensors() {
    let x: DynTensor<f32, 784> = load_npy(fixture("f32_64x784_c.npy")).unwrap();
    assert_eq!(x.shape(), (64, 784));
    assert_eq!(x.as_flat(), &expected::<f32>(&[64, 784])[..]);
    let x: DynTensor<f64, 4> = load_npy(fixture("f64_3x4_f.npy")).unwrap(); // Fortran order
    assert_eq!(x.as_flat(), &expected::<f64>(&[3, 4])[..]);
    let x: DynTensor3<f32, 3, 4> = load_npy(fixture("f32_2x3x4_c.npy")).unwrap();
    assert_eq!(x.shape(), (2, 3, 4));
    let x: DynTensor4<f64, 3, 2, 2> = load_npy(fixture("f64_2x3x2x2_f.npy")).unwrap();
    assert_eq!(x.as_flat(), &expected::<f64>(&[2, 3, 2, 2])[..]);
    let x: DynTensor<f32, 3> = load_npy(fixture("f32_0x3_c.npy")).unwrap(); // no rows
    assert_eq!(x.shape(), (0, 3));
}

#[test]
fn a_wrong_row_shape_names_the_file_and_both_shapes() {
    let e = load_npy::<DynTensor<f32, 785>>(fixture("f32_64x784_c.npy")).unwrap_err();
    let DataError::Mismatch {
        expected_shape,
        found_shape,
        ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(
        (&expected_shape[..], &found_shape[..]),
        (&[ANY_ROWS, 785][..], &[64, 784][..])
    );
    let text = e.to_string();
    assert!(text.contains("f32_64x784_c.npy"), "{text}");
    assert!(
        text.contains("(n, 785)") && text.contains("(64, 784)"),
        "{text}"
    );
    // A 1-D file has no rows of shape (5,).
    assert!(load_npy::<DynTensor<f32, 5>>(fixture("f32_5_c.npy")).is_err());
    // Nor does a file of the wrong rank.
    assert!(load_npy::<DynTensor<f32, 4>>(fixture("f32_2x3x4_c.npy")).is_err());
}

#[test]
fn dyn_tensors_write_files_with_their_row_count() {
    let x = DynTensor::<f64, 3>::from_flat_fn(7, |k| k as f64 * 0.5);
    let path = tmp("dyn_7x3.npy");
    save_npy(&path, &x).unwrap();
    let back: Tensor<f64, 7, 3> = load_npy(&path).unwrap();
    assert_eq!(back.as_flat(), x.as_flat());
    let again: DynTensor<f64, 3> = load_npy(&path).unwrap();
    assert_eq!(again, x);

    let imgs = DynTensor3::<u8, 2, 2>::from_flat_fn(5, |k| k as u8);
    let mut w = SafeTensorsWriter::new();
    w.add("images", &imgs).unwrap();
    let path = tmp("dyn.safetensors");
    w.save(&path).unwrap();
    let st = SafeTensorsFile::open(&path).unwrap();
    assert_eq!(st.get::<DynTensor3<u8, 2, 2>>("images").unwrap(), imgs);
    assert_eq!(
        st.get::<Tensor3<u8, 5, 2, 2>>("images").unwrap().as_flat(),
        imgs.as_flat()
    );
}
