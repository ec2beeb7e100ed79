//! The passing twins of the compile-fail cases in `ui-tests/`: the same code with shapes that
//! fit compiles and runs. Each test names its twin.

use tensor::prelude::*;

#[test]
fn literal_rows_of_equal_length() {
    // twin of ragged-rows.rs, empty-literal.rs, empty-row.rs, mixed-nesting.rs
    let m = tensor![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    let v: Tensor<f32, 1, 1> = tensor![0.0];
    let n = tensor![[1, 2], [3, 4]];
    let a = tensor![1, 2, 3];
    assert_eq!(
        (m.shape(), v.shape(), n.shape(), a.shape()),
        ((3, 3), (1, 1), (2, 2), (1, 3))
    );
}

#[test]
fn reshape_with_equal_count() {
    // twin of reshape-wrong-count.rs
    let x = Tensor::<f32, 2, 3>::arange();
    let y = x.reshape::<Tensor<_, 3, 2>>();
    assert_eq!(y, tensor![[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]);
}

#[test]
fn reshape_to_a_named_tensor_type() {
    // twin of reshape-target-not-a-tensor.rs and reshape-target-unknown.rs: the target is a
    // tensor type of the same element type, named in the turbofish or by the annotation
    let x = Tensor::<f32, 2, 3>::arange();
    let y = x.reshape::<Tensor<f32, 3, 2>>();
    let z: Tensor3<f32, 3, 2, 1> = x.reshape();
    assert_eq!((y.sum(), z.sum()), (15.0, 15.0));
    assert_eq!(x.reshape::<Tensor<_, 3, 2>>().sum(), 15.0);
}

#[test]
fn flatten_into_the_right_length() {
    // twin of flatten-wrong-length.rs
    let img = Tensor::<f32, 28, 28>::zeros();
    let v: Vector<f32, 784> = img.flatten();
    assert_eq!(v.len(), 784);
}

#[test]
fn rows_cols_slices_in_range() {
    // twins of row-out-of-range.rs, col-out-of-range.rs, block-out-of-range.rs
    let m = Tensor::<i32, 3, 3>::arange();
    assert_eq!(m.row::<2>(), tensor![6, 7, 8]);
    assert_eq!(m.col::<2>(), tensor![[2], [5], [8]]);
    let big = Tensor::<i32, 4, 4>::arange();
    assert_eq!(
        big.block::<2, 0, 2, 4>(),
        tensor![[8, 9, 10, 11], [12, 13, 14, 15]]
    );
    assert_eq!(
        big.block::<0, 2, 4, 2>().col::<1>(),
        tensor![[3], [7], [11], [15]]
    );
}

#[test]
fn assignment_between_equal_shapes() {
    // twin of mismatched-assignment.rs
    let a = Tensor::<f32, 3, 2>::zeros();
    let b: Tensor<f32, 3, 2> = a;
    assert_eq!(b, a);
}

#[test]
fn matrix_indexed_by_a_pair() {
    // twin of matrix-single-index.rs
    let m = Tensor::<i32, 2, 2>::arange();
    assert_eq!(m[(1, 0)], 2);
    assert_eq!(tensor![5, 6][1], 6);
}

#[test]
fn dimensions_beyond_typenums_own_table() {
    // 2352 = 28 * 28 * 3 and 3072 = 32 * 32 * 3 are outside typenum's `Const` table
    // (0..=1024, powers of 2 and 10) but inside the library's own.
    let img = Tensor3::<f32, 28, 28, 3>::ones();
    let v: Vector<f32, 2352> = img.flatten();
    let m = Tensor::<f32, 2, 2352>::zeros() + v;
    assert_eq!(m.sum(), 2.0 * 2352.0);
    let batch = Tensor4::<u8, 2, 32, 32, 3>::zeros();
    assert_eq!(batch.reshape::<Tensor<_, 2, 3072>>().shape(), (2, 3072));
    // twin of dimension-outside-the-table.rs: 4096 is covered
    let col: Tensor<u8, 4096, 1> = Tensor::<u8, 1, 4096>::zeros().reshape();
    assert_eq!(col.shape(), (4096, 1));
}

#[test]
fn boxed_operands_with_shapes_that_fit() {
    // twin of boxed-broadcast-mismatch.rs and boxed-matmul-inner-mismatch.rs: on the test's
    // 2 MiB thread, the results built on the heap
    let x = Tensor::<f32, 1024, 1024>::boxed_full(1.0);
    let w = Tensor::<f32, 1024, 1024>::boxed_full(2.0);
    let b = Tensor::<f32, 1, 1024>::boxed_full(0.5);
    let sum: Box<Tensor<f32, 1024, 1024>> = &x + &w + &b;
    assert!(sum.iter().all(|&v| v == 3.5));
    let x = Tensor::<f32, 1024, 784>::boxed_full(1.0);
    let w = Tensor::<f32, 784, 1024>::boxed_full(0.5);
    let y: Box<Tensor<f32, 1024, 1024>> = x.matmul(&w);
    assert!(y.iter().all(|&v| v == 392.0));
}

#[test]
fn batch_generic_layer_with_matching_weights() {
    // twin of batch-matmul-inner-mismatch.rs and batch-reduce-other-axis.rs: weights of 784
    // rows fit a batch of 784-feature rows, static or run-time, and reductions through
    // `Batch` run along axis 0
    use tensor::batch::WithFeatures;
    use tensor::shape::Const;

    fn layer<X: Rows<f32, 784>>(x: &X, w: &Tensor<f32, 784, 10>) -> WithFeatures<X, f32, 10> {
        x.matmul(w)
    }
    fn per_feature<X: Batch<f32, (Const<3>,)>>(x: &X) -> RowVector<f32, 3> {
        x.sum_axis::<0>()
    }
    let w = Box::new(Tensor::<f32, 784, 10>::full(0.5));
    let fixed: Tensor<f32, 2, 10> = layer(&Tensor::<f32, 2, 784>::ones(), &w);
    let data: DynTensor<f32, 10> = layer(&DynTensor::<f32, 784>::ones(3), &w);
    assert_eq!(fixed, Tensor::full(392.0));
    assert_eq!(data.as_flat(), &[392.0; 30]);
    let x = DynTensor::<f32, 3>::ones(4);
    assert_eq!(per_feature(&x), per_feature(&Tensor::<f32, 4, 3>::ones()));
    assert_eq!(per_feature(&x), RowVector::full(4.0));
}
