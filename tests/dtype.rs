//! `dtype()`: NumPy's dtype names.

use tensor::prelude::*;

#[test]
fn dtype_names_like_numpy() {
    // for t in ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    //           "float32", "float64"]: print(np.zeros((2, 2), dtype=t).dtype.name)
    assert_eq!(Tensor::<i8, 2, 2>::zeros().dtype(), "int8");
    assert_eq!(Tensor::<i16, 2, 2>::zeros().dtype(), "int16");
    assert_eq!(Tensor::<i32, 2, 2>::zeros().dtype(), "int32");
    assert_eq!(Tensor::<i64, 2, 2>::zeros().dtype(), "int64");
    assert_eq!(Tensor::<u8, 2, 2>::zeros().dtype(), "uint8");
    assert_eq!(Tensor::<u16, 2, 2>::zeros().dtype(), "uint16");
    assert_eq!(Tensor::<u32, 2, 2>::zeros().dtype(), "uint32");
    assert_eq!(Tensor::<u64, 2, 2>::zeros().dtype(), "uint64");
    assert_eq!(Tensor::<f32, 2, 2>::zeros().dtype(), "float32");
    assert_eq!(Tensor::<f64, 2, 2>::zeros().dtype(), "float64");
    // np.intp / np.uintp on a 64-bit target: int64, uint64
    #[cfg(target_pointer_width = "64")]
    {
        assert_eq!(Tensor::<isize, 1, 1>::zeros().dtype(), "int64");
        assert_eq!(Tensor::<usize, 1, 1>::zeros().dtype(), "uint64");
    }
    // Every rank: print(np.zeros((2, 3, 4), dtype=np.float32).dtype.name) -> float32
    assert_eq!(Tensor3::<f32, 2, 3, 4>::zeros().dtype(), "float32");
    assert_eq!(Tensor4::<u8, 1, 2, 2, 3>::zeros().dtype(), "uint8");
}
