//! bytemuck: zero-copy casts between tensors, arrays, flat slices and bytes.

use bytemuck::TransparentWrapper;
use tensor::prelude::*;

#[test]
fn zeroed_is_a_tensor_of_zeros() {
    let z: Tensor<f64, 3, 4> = bytemuck::Zeroable::zeroed();
    assert_eq!(z, Tensor::zeros());
    let z: Tensor<i8, 2, 2> = bytemuck::Zeroable::zeroed();
    assert_eq!(z, Tensor::zeros());
}

#[test]
fn a_tensor_is_its_row_major_bytes() {
    let m = Tensor::from([[1u16, 2], [3, 0x0405]]);
    let bytes = bytemuck::bytes_of(&m);
    assert_eq!(bytes.len(), 8);
    assert_eq!(
        bytes,
        [1u16, 2, 3, 0x0405]
            .iter()
            .flat_map(|x| x.to_ne_bytes())
            .collect::<Vec<_>>()
    );
    let back: &Tensor<u16, 2, 2> = bytemuck::from_bytes(bytes);
    assert_eq!(*back, m);
}

#[test]
fn casts_by_value_between_shapes_and_types() {
    let m = Tensor::<f32, 2, 3>::arange();
    let flat: [f32; 6] = bytemuck::cast(m);
    assert_eq!(flat, [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
    // Reshaping by cast: same element count, same row-major order.
    let col: Tensor<f32, 6, 1> = bytemuck::cast(m);
    assert_eq!(col.as_flat(), m.as_flat());
    // Reinterpreting the element type.
    let bits: Tensor<u32, 2, 3> = bytemuck::cast(m);
    assert_eq!(bits[(1, 2)], 5.0f32.to_bits());
}

#[test]
fn a_flat_buffer_is_a_batch_of_tensors_without_copying() {
    let mut buf: Vec<f32> = (0..3 * 4).map(|k| k as f32).collect();
    let ptr = buf.as_ptr();
    let batch: &[Tensor<f32, 2, 2>] = bytemuck::cast_slice(&buf);
    assert_eq!(batch.len(), 3);
    assert_eq!(batch[2], Tensor::from([[8.0, 9.0], [10.0, 11.0]]));
    assert!(std::ptr::eq(batch.as_ptr().cast::<f32>(), ptr)); // the same memory

    let batch_mut: &mut [Tensor<f32, 2, 2>] = bytemuck::cast_slice_mut(&mut buf);
    batch_mut[1][(1, 0)] = -1.0;
    assert_eq!(buf[6], -1.0);

    // A length that is not a whole number of tensors is an error, not a panic.
    let short = [0.0f32; 7];
    assert_eq!(
        bytemuck::try_cast_slice::<f32, Tensor<f32, 2, 2>>(&short),
        Err(bytemuck::PodCastError::OutputSliceWouldHaveSlop)
    );
}

#[test]
fn references_to_arrays_wrap_as_tensors() {
    let rows = [[1, 2, 3], [4, 5, 6]];
    let t: &Tensor<i32, 2, 3> = Tensor::wrap_ref(&rows);
    assert_eq!(t.col::<1>(), tensor![[2], [5]]);
    assert!(std::ptr::eq(t.as_array(), &rows));

    let mut rows = [[0.0f64; 2]; 2];
    Tensor::wrap_mut(&mut rows)[(1, 1)] = 9.0;
    assert_eq!(rows, [[0.0, 0.0], [0.0, 9.0]]);
}

#[test]
fn casts_preserve_nan_payloads() {
    let weird = f32::from_bits(0x7fc0_1234);
    let t = Tensor::<f32, 1, 2>::from([weird, -0.0]);
    let bits: [u32; 2] = bytemuck::cast(t);
    assert_eq!(bits, [0x7fc0_1234, 0x8000_0000]);
}
