//! `np.arange(start, stop, step)`: `tensor!(arange(..))` with the length computed while
//! compiling, `try_arange` with the length checked at run time. Expected values are NumPy's
//! (`np.arange(...).tolist()`), written out.

use tensor::ArangeError;
use tensor::prelude::*;

#[test]
fn integer_arange_matches_numpy() {
    // np.arange(2, 9, 2) -> [2, 4, 6, 8]
    let v = tensor!(arange(2, 9, 2));
    assert_eq!(v, tensor![2, 4, 6, 8]);
    assert_eq!(v.shape(), (1, 4));
    // np.arange(5) -> [0, 1, 2, 3, 4]; np.arange(-3, 3) -> [-3, ..., 2]
    assert_eq!(tensor!(arange(5)), tensor![0, 1, 2, 3, 4]);
    assert_eq!(tensor!(arange(-3, 3)), tensor![-3, -2, -1, 0, 1, 2]);
    // np.arange(10, 0, -3) -> [10, 7, 4, 1]
    assert_eq!(tensor!(arange(10, 0, -3)), tensor![10, 7, 4, 1]);
    // the element type from a suffix or from the context
    let b = tensor!(arange(250u8, 255, 2));
    assert_eq!(b, tensor![250u8, 252, 254]);
    let w: Vector<i64, 3> = tensor!(arange(-1, 2));
    assert_eq!(w, tensor![-1i64, 0, 1]);
    // run time: the type's length must be the sequence's
    assert_eq!(Vector::<i32, 4>::try_arange(2, 9, 2), Ok(v));
    assert_eq!(
        Vector::<i32, 4>::try_arange(10, 0, -3),
        Ok(tensor![10, 7, 4, 1])
    );
    assert_eq!(
        Vector::<u64, 3>::try_arange(u64::MAX - 5, u64::MAX, 2),
        Ok(tensor![u64::MAX - 5, u64::MAX - 3, u64::MAX - 1])
    );
    // np.arange(12).reshape(3, 4), and with a step, reshaped
    assert_eq!(
        Tensor::<i32, 3, 4>::try_arange(0, 12, 1),
        Ok(Tensor::<i32, 3, 4>::arange())
    );
    assert_eq!(
        Tensor::<i32, 2, 2>::try_arange(1, 8, 2),
        Ok(tensor![[1, 3], [5, 7]])
    );
}

#[test]
fn float_arange_matches_numpy_bit_for_bit() {
    // np.arange(0, 1, 0.1).tolist()
    let numpy = [
        0.0,
        0.1,
        0.2,
        0.30000000000000004,
        0.4,
        0.5,
        0.6000000000000001,
        0.7000000000000001,
        0.8,
        0.9,
    ];
    let x = tensor!(arange(0, 1, 0.1));
    assert_eq!(x.as_flat(), &numpy);
    assert_eq!(Vector::<f64, 10>::try_arange(0.0, 1.0, 0.1).unwrap(), x);
    // np.arange(1, 1.3, 0.1).tolist(): 4 elements (1.3 - 1 is 0.30000000000000004), and
    // NumPy steps by (1 + 0.1) - 1 = 0.10000000000000009
    let numpy = [1.0, 1.1, 1.2000000000000002, 1.3000000000000003];
    let y = tensor!(arange(1, 1.3, 0.1));
    assert_eq!(y.as_flat(), &numpy);
    assert_eq!(Vector::<f64, 4>::try_arange(1.0, 1.3, 0.1).unwrap(), y);
    // np.arange(0, 1, 0.25, dtype=np.float32); np.arange(2.5) -> [0.0, 1.0, 2.0]
    assert_eq!(
        tensor!(arange(0, 1, 0.25f32)),
        tensor![0.0f32, 0.25, 0.5, 0.75]
    );
    assert_eq!(tensor!(arange(2.5)), tensor![0.0, 1.0, 2.0]);
    // np.arange(1, -1, -0.5) -> [1.0, 0.5, 0.0, -0.5]
    assert_eq!(
        Vector::<f32, 4>::try_arange(1.0, -1.0, -0.5),
        Ok(tensor![1.0f32, 0.5, 0.0, -0.5])
    );
}

#[test]
fn run_time_errors() {
    assert_eq!(
        Vector::<i32, 3>::try_arange(2, 9, 2),
        Err(ArangeError::Length {
            expected: 3,
            found: 4
        })
    );
    // a step pointing away from stop: NumPy's empty array
    assert_eq!(
        Vector::<i32, 3>::try_arange(2, 9, -2),
        Err(ArangeError::Length {
            expected: 3,
            found: 0
        })
    );
    assert_eq!(
        Vector::<i32, 3>::try_arange(0, 3, 0),
        Err(ArangeError::ZeroStep)
    );
    assert_eq!(
        Vector::<f32, 3>::try_arange(0.0, f32::NAN, 1.0),
        Err(ArangeError::NotFinite)
    );
    assert_eq!(
        Vector::<f64, 3>::try_arange(0.0, 1e300, 1e-300),
        Err(ArangeError::Length {
            expected: 3,
            found: usize::MAX
        })
    );
}
