//! Constructors, conversions and shape properties.

use tensor::prelude::*;

#[test]
fn zeros_ones_full() {
    assert!(Tensor::<f32, 3, 4>::zeros().iter().all(|&x| x == 0.0));
    assert!(Tensor::<i64, 2, 5>::ones().iter().all(|&x| x == 1));
    let f = Tensor::<f64, 2, 2>::full(-1.5);
    assert_eq!(f.into_array(), [[-1.5, -1.5], [-1.5, -1.5]]);
    assert_eq!(Tensor::<u8, 2, 3>::default(), Tensor::zeros());
}

#[test]
fn eye_and_identity() {
    // the seed's exercise: a 3x3 identity matrix
    let i = Tensor::<f64, 3, 3>::identity();
    assert_eq!(
        i,
        tensor![[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    );
    assert_eq!(Tensor::<i32, 3, 2>::eye(), tensor![[1, 0], [0, 1], [0, 0]]);
    assert_eq!(Tensor::<i32, 2, 3>::eye(), tensor![[1, 0, 0], [0, 1, 0]]);
    for (k, x) in Tensor::<i32, 5, 7>::eye().into_iter().enumerate() {
        assert_eq!(x, i32::from(k / 7 == k % 7));
    }
}

#[test]
fn arange_is_row_major() {
    // np.arange(6) -> [0 1 2 3 4 5]; reshape(2, 3)
    assert_eq!(Tensor::<i32, 1, 6>::arange(), tensor![0, 1, 2, 3, 4, 5]);
    assert_eq!(Tensor::<i32, 2, 3>::arange(), tensor![[0, 1, 2], [3, 4, 5]]);
    let f = Tensor::<f32, 3, 4>::arange();
    for (k, &x) in f.iter().enumerate() {
        assert_eq!(x, k as f32);
    }
    // 256 values fit in u8 exactly
    assert_eq!(Tensor::<u8, 16, 16>::arange()[(15, 15)], 255);
}

#[test]
#[should_panic(
    expected = "arange: value 256 does not fit in the element type of a tensor of shape (1, 300)"
)]
fn arange_overflow_panics_with_a_clear_message() {
    let _ = Tensor::<u8, 1, 300>::arange();
}

#[test]
fn linspace_is_inclusive() {
    assert_eq!(
        Tensor::<f64, 1, 5>::linspace(0.0, 1.0),
        tensor![0.0, 0.25, 0.5, 0.75, 1.0]
    );
    assert_eq!(
        Tensor::<f32, 2, 2>::linspace(-1.0, 2.0),
        tensor![[-1.0, 0.0], [1.0, 2.0]]
    );
    // a single element is `start`, like np.linspace(a, b, 1)
    assert_eq!(Tensor::<f64, 1, 1>::linspace(3.0, 9.0), tensor![3.0]);
    // the last element is exactly `stop`, even when the step is inexact
    let x = Tensor::<f64, 1, 7>::linspace(0.0, 0.6);
    assert_eq!(x[6], 0.6);
    for k in 0..7 {
        assert!(
            (x[k] - 0.1 * k as f64).abs() <= 4.0 * f64::EPSILON,
            "{}",
            x[k]
        );
    }
}

#[test]
fn from_fn_and_arrays() {
    let m = Tensor::<usize, 3, 2>::from_fn(|i, j| 10 * i + j);
    assert_eq!(m.into_array(), [[0, 1], [10, 11], [20, 21]]);
    let a: [[usize; 2]; 3] = m.into();
    assert_eq!(Tensor::from(a), m);
    let v: Vector<i32, 3> = [1, 2, 3].into();
    let back: [i32; 3] = v.into();
    assert_eq!(back, [1, 2, 3]);
    assert_eq!(Tensor::from_array([[1, 2]]), v.block::<0, 0, 1, 2>());
}

#[test]
fn shape_properties() {
    // the seed: arr.shape == (4,), mat.shape == (2, 2), mat.ndim == 2
    let arr = tensor![1, 2, 3, 4];
    let mat = tensor![[1, 2], [3, 4]];
    assert_eq!(arr.shape(), (1, 4));
    assert_eq!(mat.shape(), (2, 2));
    assert_eq!(mat.ndim(), 2);
    assert_eq!(<Tensor<f32, 28, 28>>::SHAPE, (28, 28));
    assert_eq!(<Tensor<f32, 28, 28>>::SIZE, 784);
    assert_eq!(<Tensor<f32, 28, 28>>::NDIM, 2);
    assert_eq!((<Tensor<u8, 3, 5>>::ROWS, <Tensor<u8, 3, 5>>::COLS), (3, 5));
    let m = Tensor::<f64, 3, 3>::zeros();
    let flat: Vector<f64, 9> = m.flatten();
    assert_eq!((m.shape(), flat.shape()), ((3, 3), (1, 9)));
    assert_eq!((m.len(), m.size(), flat.len()), (9, 9, 9));
    assert!(Tensor::<f32, 0, 3>::zeros().is_empty());
    assert!(!mat.is_empty());
}

#[test]
fn literal_forms() {
    let v = tensor![2, 4, 6, 8];
    assert_eq!(v.into_array(), [[2, 4, 6, 8]]);
    let m: Tensor<f32, 2, 2> = tensor![[1.0, 2.0], [3.0, 4.0]];
    assert_eq!(m[(1, 1)], 4.0);
    let suffixed = tensor![1.0f32, 2.0];
    let _: Vector<f32, 2> = suffixed;
    let x = 3;
    let exprs = tensor![[x, x * 2, { x + 1 }], [i32::MAX, -x, (x - 1) / 2,]];
    assert_eq!(exprs, Tensor::from([[3, 6, 4], [i32::MAX, -3, 1]]));
    let column = tensor![[1u8], [2], [3]];
    assert_eq!(column.shape(), (3, 1));
    const CONST_TENSOR: Tensor<i32, 2, 2> = tensor![[1, 2], [3, 4]];
    assert_eq!(CONST_TENSOR.as_flat(), &[1, 2, 3, 4]);
}

#[test]
fn traits() {
    use std::collections::HashSet;
    let a = tensor![[1, 2], [3, 4]];
    let b = a; // Copy
    let set: HashSet<_> = [a, b, tensor![[0, 0], [0, 0]]].into_iter().collect();
    assert_eq!(set.len(), 2);
    assert_ne!(a, tensor![[1, 2], [3, 5]]);
    assert_eq!(format!("{a:?}"), "Tensor<2, 2>[[1, 2], [3, 4]]");
    // NaN != NaN, as IEEE says
    let n = tensor![f64::NAN,];
    assert_ne!(n, n);
}

/// `from_fn` writes each element once into uninitialized storage: elements that own memory
/// come out intact, and a panic part-way leaks the elements already built (never reads or
/// drops uninitialized ones; run under valgrind or Miri to see it).
#[test]
fn from_fn_with_owned_elements_and_a_panic_part_way() {
    let words = Tensor::<String, 2, 3>::from_fn(|i, j| format!("{i}{j}"));
    assert_eq!(words[(1, 2)], "12");
    assert_eq!(words.iter().map(String::len).sum::<usize>(), 12);
    let built = std::cell::Cell::new(0);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Tensor::<String, 2, 3>::from_fn(|i, j| {
            assert!(i * 3 + j < 4, "stop at element 4");
            built.set(built.get() + 1);
            format!("{i}{j}")
        })
    }));
    assert!(result.is_err());
    assert_eq!(built.get(), 4);
}
