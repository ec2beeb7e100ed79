//! [`Batch`] and [`Rows`]: model code written once for a batch whose size the compiler knows
//! (`Tensor<T, N, C>`) and one whose size comes from the data (`DynTensor<T, C>`), feature
//! `alloc`.
//!
//! A batch is a number of samples (its rows) of one static shape `R`: a static
//! [`Array`] of shape `(Const<N>, R...)` ([`Tensor`], [`Tensor3`](crate::Tensor3),
//! [`Tensor4`](crate::Tensor4)) or a run-time [`DynArray<T, R>`]. Both implement `Batch<T, R>`,
//! and batches of feature vectors (`R = (Const<K>,)`, NumPy's `(n, K)`) also implement
//! [`Rows<T, K>`], which adds the products with weight matrices. A function bounded by them
//! takes either form:
//!
//! ```
//! use tensor_core::batch::{Batch, Rows, WithFeatures};
//! use tensor_core::{DynTensor, RowVector, Tensor};
//!
//! /// One dense layer with a `tanh`, for any batch of 3-feature rows.
//! fn layer<X: Rows<f64, 3>>(x: &X, w: &Tensor<f64, 3, 2>, b: &RowVector<f64, 2>) -> WithFeatures<X, f64, 2> {
//!     (x.matmul(w) + *b).tanh()
//! }
//!
//! let w = Tensor::from([[0.5, -1.0], [0.25, 0.0], [1.0, 2.0]]);
//! let b = RowVector::from_array([0.1, -0.1]);
//! let x = Tensor::from([[1.0, 2.0, 3.0], [0.0, -1.0, 0.5]]);
//! let fixed: Tensor<f64, 2, 2> = layer(&x, &w, &b); // N = 2, known to the compiler
//! let data: DynTensor<f64, 2> = layer(&DynTensor::from(&x), &w, &b); // n = 2, read at run time
//! assert_eq!(fixed.as_flat(), data.as_flat());
//! ```
//!
//! The row shape stays a compile-time fact in both: a weight matrix of the wrong height is a
//! type error naming both shapes, the batch's rows as `n`
//! ("cannot multiply `DynShape<n, 3>` by `Shape<4, 2>`: inner dimensions 3 and 4 differ").
//! The row count is checked where two run-time batches meet (`+` panics with
//! [`RowsMismatch`](crate::RowsMismatch)'s message, as the run-time operators do).
//!
//! The methods are the tensors' own, under the same names: each implementation calls the
//! method of its type, so a static batch gives through `Batch` the same values (the same
//! kernels) as without it, and so does a run-time one.

use core::ops::{Add, Div, Mul, Sub};

use num_traits::{Float, Num};

use crate::dynamic::row_view;
use crate::shape::{
    Const, Dims, DynShape, InnerDimsMatch, One, Prepend, RowsBroadcast, Shape, n, rows_matmul,
};
use crate::{Array, DynArray, DynTensor, Element, Tensor};

/// The shape of one sample of a [`Batch`]: `(Const<C>,)` (a feature vector),
/// `(Const<D1>, Const<D2>)` or `(Const<D1>, Const<D2>, Const<D3>)`. Sealed.
pub trait RowShape:
    Prepend<One> + RowsBroadcast<<Self as Prepend<One>>::Output> + sealed::Sealed
{
}

impl<const C: usize> RowShape for (Const<C>,) {}
impl<const D1: usize, const D2: usize> RowShape for (Const<D1>, Const<D2>) {}
impl<const D1: usize, const D2: usize, const D3: usize> RowShape
    for (Const<D1>, Const<D2>, Const<D3>)
{
}

/// A statistic of a batch with rows of shape `R` (one value per feature, what
/// `x.mean_axis::<0>()` returns), and an operand that broadcasts over its rows (a bias):
/// `RowVector<T, C>` for rows `(Const<C>,)`, `Array<T, (One, R...)>` in general.
pub type RowStat<T, R> = Array<T, <R as Prepend<One>>::Output>;

/// The leading axis of a [`Batch`], its rows: [`Const<N>`] when the compiler knows their
/// number, [`Dyn`] when it comes from the data. It gives the batch of the same kind with `C`
/// features per row, [`WithFeatures`]. Sealed.
pub trait BatchAxis: sealed::Sealed {
    /// The batch of this many rows of `C` features: `Tensor<T, N, C>` or `DynTensor<T, C>`.
    type Rows<T: Element + Num, const C: usize>: Rows<T, C> + Leading<Axis = Self>;

    /// `x @ w` for `rows` rows of `K` elements (`x`, row-major), this many rows: the product
    /// of [`Rows::matmul`].
    #[doc(hidden)]
    fn __matmul<T: Element + Num, const K: usize, const C: usize>(
        rows: usize,
        x: &[T],
        w: &Tensor<T, K, C>,
    ) -> Self::Rows<T, C>;
}

/// The leading axis of a run-time batch ([`DynArray`]): its number of rows is a value.
///
/// ```
/// use tensor_core::batch::{Dyn, Leading};
/// use tensor_core::DynTensor;
///
/// fn is_dyn<X: Leading<Axis = Dyn>>(_: &X) {}
/// is_dyn(&DynTensor::<f32, 3>::zeros(4));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Dyn;

impl<const N: usize> BatchAxis for Const<N> {
    type Rows<T: Element + Num, const C: usize> = Tensor<T, N, C>;

    #[inline]
    fn __matmul<T: Element + Num, const K: usize, const C: usize>(
        _: usize,
        x: &[T],
        w: &Tensor<T, K, C>,
    ) -> Tensor<T, N, C> {
        Tensor::<T, N, K>::view(x).matmul(w)
    }
}

impl BatchAxis for Dyn {
    type Rows<T: Element + Num, const C: usize> = DynTensor<T, C>;

    #[inline]
    fn __matmul<T: Element + Num, const K: usize, const C: usize>(
        rows: usize,
        x: &[T],
        w: &Tensor<T, K, C>,
    ) -> DynTensor<T, C> {
        rows_matmul::<T, K, Const<C>>(rows, x, w.as_flat())
    }
}

/// A matrix that a batch of `K`-feature rows (of the kind `A`) multiplies: a
/// `Tensor<T, K, C>`, giving the batch of the same kind with `C` features. Sealed. A matrix
/// whose height is not `K` fails with the message of
/// [`InnerDimsMatch`], the batch's rows named `n`:
///
/// ```text
/// error[E0277]: cannot multiply `DynShape<n, 784>` by `Shape<785, 10>`: inner dimensions 784 and 785 differ
/// ```
pub trait BatchMatMulRhs<T, const K: usize, A: BatchAxis>: sealed::Sealed {
    /// The product: `Tensor<T, N, C>` for a static batch, `DynTensor<T, C>` for a run-time one.
    type Output;

    /// `x @ self` for `rows` rows of `K` elements (`x`, row-major).
    #[doc(hidden)]
    fn __matmul(&self, rows: usize, x: &[T]) -> Self::Output;
}

impl<T, const K: usize, const K2: usize, const C: usize, A> BatchMatMulRhs<T, K, A>
    for Tensor<T, K2, C>
where
    T: Element + Num,
    A: BatchAxis,
    (): InnerDimsMatch<DynShape<n, K>, Shape<K2, C>, K, K2>,
{
    type Output = A::Rows<T, C>;

    #[inline]
    fn __matmul(&self, rows: usize, x: &[T]) -> A::Rows<T, C> {
        // `K2 == K` (the bound): the same matrix, under the type the product names.
        A::__matmul(rows, x, Tensor::<T, K, C>::view(self.as_flat()))
    }
}

/// What a [`Batch`]'s rows are: the type of its leading axis. Sealed.
pub trait Leading: sealed::Sealed {
    /// `Const<N>` for a static batch of `N` rows, [`Dyn`] for a run-time one.
    type Axis: BatchAxis;
}

/// The batch `X` with `C` features per row, of the same kind (static with the same `N`, or
/// run-time): what a layer's product returns, `Tensor<T, N, C>` or `DynTensor<T, C>`.
///
/// ```
/// use tensor_core::batch::WithFeatures;
/// use tensor_core::{DynTensor, Tensor};
///
/// let _: WithFeatures<Tensor<f32, 32, 784>, f32, 10> = Tensor::<f32, 32, 10>::zeros();
/// let _: WithFeatures<DynTensor<f32, 784>, f32, 10> = DynTensor::<f32, 10>::zeros(5);
/// ```
pub type WithFeatures<X, T, const C: usize> = <<X as Leading>::Axis as BatchAxis>::Rows<T, C>;

/// A reduction through [`Batch`] runs along axis 0, the batch's rows; the other axes differ
/// in kind between a static and a run-time batch, so the methods of the types themselves
/// reduce along them.
#[diagnostic::on_unimplemented(
    message = "through `Batch`, reductions run along axis 0 (the rows of the batch), not axis {A}",
    label = "the result of a reduction along axis {A} has a different type for a static and a run-time batch",
    note = "call the method on a concrete type (`Tensor<..>` or `DynTensor<..>`) to reduce along another axis"
)]
pub trait AlongRows<const A: usize> {}
impl<R: RowShape> AlongRows<0> for R {}

/// A batch of samples of the static shape `R`, whose number of rows is known to the compiler
/// ([`Array`] of shape `(Const<N>, R...)`) or at run time ([`DynArray<T, R>`]).
///
/// Same-shape operators (`x - y`, which for two run-time batches checks the row counts and
/// panics on a mismatch), operators with a scalar (`x * 0.5`) and with a [`RowStat`] that
/// broadcasts over the rows (`x - x.mean_axis::<0>()`, a bias) are part of the bound; they
/// take their operands by value (clone a batch to keep it). See the module docs for an
/// example.
///
/// ```
/// use tensor_core::batch::Batch;
/// use tensor_core::shape::Const;
/// use tensor_core::{DynTensor, Tensor};
///
/// /// Each feature scaled to mean 0 and standard deviation 1 over the batch.
/// fn standardize<X: Batch<f64, (Const<2>,)>>(x: &X) -> X {
///     (x.clone() - x.mean_axis::<0>()) / x.std_axis::<0>()
/// }
/// let x = Tensor::from([[1.0, 10.0], [3.0, 30.0]]);
/// assert_eq!(standardize(&x), Tensor::from([[-1.0, -1.0], [1.0, 1.0]]));
/// assert_eq!(standardize(&DynTensor::from(&x)).as_flat(), &[-1.0, -1.0, 1.0, 1.0]);
/// ```
pub trait Batch<T: Element + Num, R: RowShape>:
    Sized
    + Clone
    + Leading
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Add<T, Output = Self>
    + Sub<T, Output = Self>
    + Mul<T, Output = Self>
    + Div<T, Output = Self>
    + Add<RowStat<T, R>, Output = Self>
    + Sub<RowStat<T, R>, Output = Self>
    + Mul<RowStat<T, R>, Output = Self>
    + Div<RowStat<T, R>, Output = Self>
{
    /// The number of rows (samples).
    ///
    /// ```
    /// use tensor_core::batch::Batch;
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// fn count<X: Batch<f32, (tensor_core::shape::Const<3>,)>>(x: &X) -> usize {
    ///     x.nrows()
    /// }
    /// assert_eq!(count(&Tensor::<f32, 5, 3>::zeros()), 5);
    /// assert_eq!(count(&DynTensor::<f32, 3>::zeros(7)), 7);
    /// ```
    fn nrows(&self) -> usize;

    /// The elements in row-major order.
    fn as_flat(&self) -> &[T];

    /// Row `i`, the `i`-th sample.
    ///
    /// # Panics
    ///
    /// If `i >= self.nrows()`.
    ///
    /// ```
    /// use tensor_core::batch::Batch;
    /// use tensor_core::{DynTensor, Tensor};
    ///
    /// let x = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(Batch::row(&x, 1).as_flat(), &[3, 4]); // a rank-1 `Array<i32, (Const<2>,)>`
    /// assert_eq!(Batch::row(&DynTensor::from(&x), 1).as_flat(), &[3, 4]);
    /// ```
    fn row(&self, i: usize) -> &Array<T, R>;

    /// The rows as a run-time batch (a copy of the elements).
    ///
    /// ```
    /// use tensor_core::batch::Batch;
    /// use tensor_core::Tensor;
    ///
    /// let x = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// assert_eq!(x.to_dyn().shape(), (2, 2));
    /// ```
    fn to_dyn(&self) -> DynArray<T, R>;

    /// `f` applied to every element.
    #[must_use]
    fn map(&self, f: impl FnMut(T) -> T) -> Self;

    /// `e` raised to each element, as [`Array::exp`].
    #[must_use]
    fn exp(&self) -> Self
    where
        T: Float;

    /// The natural logarithm of each element, as [`Array::ln`].
    #[must_use]
    fn ln(&self) -> Self
    where
        T: Float;

    /// The hyperbolic tangent of each element, as [`Array::tanh`].
    #[must_use]
    fn tanh(&self) -> Self
    where
        T: Float;

    /// The logistic function of each element, as [`Array::sigmoid`].
    #[must_use]
    fn sigmoid(&self) -> Self
    where
        T: Float;

    /// The square root of each element, as [`Array::sqrt`].
    #[must_use]
    fn sqrt(&self) -> Self
    where
        T: Float;

    /// Each element squared, as [`Array::square`].
    #[must_use]
    fn square(&self) -> Self;

    /// `max(x, 0)` of each element (NaN stays NaN), as [`Array::relu`].
    #[must_use]
    fn relu(&self) -> Self;

    /// The softmax along the last axis (of each row of features), as [`Array::softmax`].
    #[must_use]
    fn softmax(&self) -> Self
    where
        T: Float;

    /// The logarithm of the softmax along the last axis, as [`Array::log_softmax`].
    #[must_use]
    fn log_softmax(&self) -> Self
    where
        T: Float;

    /// The sum of all elements, as [`Array::sum`].
    fn sum(&self) -> T;

    /// The mean of all elements, as [`Array::mean`].
    fn mean(&self) -> T
    where
        T: Float;

    /// The sums over the rows, one per feature (`A = 0` only; NumPy's
    /// `x.sum(axis=0, keepdims=True)`), as [`Array::sum_axis`].
    fn sum_axis<const A: usize>(&self) -> RowStat<T, R>
    where
        R: AlongRows<A>;

    /// The means over the rows (`A = 0`), as [`Array::mean_axis`].
    fn mean_axis<const A: usize>(&self) -> RowStat<T, R>
    where
        T: Float,
        R: AlongRows<A>;

    /// The variances over the rows (`A = 0`, `ddof = 0`), as [`Array::var_axis`].
    fn var_axis<const A: usize>(&self) -> RowStat<T, R>
    where
        T: Float,
        R: AlongRows<A>;

    /// The standard deviations over the rows (`A = 0`, `ddof = 0`), as [`Array::std_axis`].
    fn std_axis<const A: usize>(&self) -> RowStat<T, R>
    where
        T: Float,
        R: AlongRows<A>;
}

/// A [`Batch`] of feature vectors, NumPy's `(n, K)`: `Tensor<T, N, K>` or `DynTensor<T, K>`,
/// with the products of a dense layer and of its gradient.
///
/// ```
/// use tensor_core::batch::{Rows, WithFeatures};
/// use tensor_core::{DynTensor, Tensor};
///
/// /// The gradient of the mean squared error of `x @ w` with respect to `w`.
/// fn grad<X: Rows<f64, 2>>(x: &X, w: &Tensor<f64, 2, 1>, y: &WithFeatures<X, f64, 1>) -> Tensor<f64, 2, 1> {
///     let err = x.matmul(w) - y.clone();
///     x.t_matmul(&err) * (2.0 / x.nrows() as f64)
/// }
/// let x = Tensor::from([[1.0, 0.0], [0.0, 1.0]]);
/// let y = Tensor::from([[1.0], [2.0]]);
/// let w = Tensor::from([[0.0], [0.0]]);
/// let g = grad(&x, &w, &y);
/// assert_eq!(g, Tensor::from([[-1.0], [-2.0]]));
/// assert_eq!(grad(&DynTensor::from(&x), &w, &DynTensor::from(&y)), g);
/// ```
pub trait Rows<T: Element + Num, const K: usize>: Batch<T, (Const<K>,)> {
    /// The product with a weight matrix, `(n, K) @ (K, C) -> (n, C)`, as [`Array::matmul`]
    /// and [`DynTensor::matmul`] (the same kernels): `w` is a `Tensor<T, K, C>`, and one of
    /// another height is a type error naming both shapes, the batch's rows as `n`.
    ///
    /// ```compile_fail,E0277
    /// use tensor_core::batch::{Rows, WithFeatures};
    /// use tensor_core::Tensor;
    ///
    /// fn layer<X: Rows<f32, 784>>(x: &X, w: &Tensor<f32, 785, 10>) -> WithFeatures<X, f32, 10> {
    ///     x.matmul(w) // cannot multiply `DynShape<n, 784>` by `Shape<785, 10>`
    /// }
    /// ```
    #[must_use]
    #[inline]
    fn matmul<W: BatchMatMulRhs<T, K, Self::Axis>>(&self, w: &W) -> W::Output {
        w.__matmul(self.nrows(), self.as_flat())
    }

    /// The product of the transpose with a batch of the same rows, `(n, K)^T @ (n, C) ->
    /// (K, C)`, NumPy's `x.T @ y` (the gradient `x.T @ err` of a layer's weights), as
    /// [`Tensor::t_matmul`] and [`DynTensor::t_matmul`].
    ///
    /// # Panics
    ///
    /// For run-time batches, if the row counts differ.
    #[must_use]
    fn t_matmul<const C: usize>(&self, y: &WithFeatures<Self, T, C>) -> Tensor<T, K, C>;
}

mod sealed {
    use crate::shape::{Const, Dims};
    use crate::{Array, DynArray};

    pub trait Sealed {}
    impl<const C: usize> Sealed for (Const<C>,) {}
    impl<const D1: usize, const D2: usize> Sealed for (Const<D1>, Const<D2>) {}
    impl<const D1: usize, const D2: usize, const D3: usize> Sealed
        for (Const<D1>, Const<D2>, Const<D3>)
    {
    }
    impl<T, S: Dims> Sealed for Array<T, S> {}
    impl<T, S: Dims> Sealed for DynArray<T, S> {}
    impl<const N: usize> Sealed for Const<N> {}
    impl Sealed for super::Dyn {}
}

/// `Batch` for a static batch of rank 2 to 4: every method calls the tensor's own.
macro_rules! static_batch {
    ($([$($d:ident),+];)+) => {$(
        impl<T, const N: usize, $(const $d: usize),+> Leading for Array<T, (Const<N>, $(Const<$d>,)+)> {
            type Axis = Const<N>;
        }

        impl<T, const N: usize, $(const $d: usize),+> Batch<T, ($(Const<$d>,)+)>
            for Array<T, (Const<N>, $(Const<$d>,)+)>
        where
            T: Element + Num,
        {
            #[inline]
            fn nrows(&self) -> usize {
                N
            }

            #[inline]
            fn as_flat(&self) -> &[T] {
                Array::as_flat(self)
            }

            #[inline]
            #[track_caller]
            fn row(&self, i: usize) -> &Array<T, ($(Const<$d>,)+)> {
                row_view(Array::as_flat(self), N, i)
            }

            fn to_dyn(&self) -> DynArray<T, ($(Const<$d>,)+)> {
                DynArray::from(self)
            }

            #[inline]
            fn map(&self, f: impl FnMut(T) -> T) -> Self {
                self.map_each_to(f)
            }

            #[inline]
            fn exp(&self) -> Self where T: Float {
                Array::exp(self)
            }

            #[inline]
            fn ln(&self) -> Self where T: Float {
                Array::ln(self)
            }

            #[inline]
            fn tanh(&self) -> Self where T: Float {
                Array::tanh(self)
            }

            #[inline]
            fn sigmoid(&self) -> Self where T: Float {
                Array::sigmoid(self)
            }

            #[inline]
            fn sqrt(&self) -> Self where T: Float {
                Array::sqrt(self)
            }

            #[inline]
            fn square(&self) -> Self {
                Array::square(self)
            }

            #[inline]
            fn relu(&self) -> Self {
                Array::relu(self)
            }

            #[inline]
            fn softmax(&self) -> Self where T: Float {
                Array::softmax(self)
            }

            #[inline]
            fn log_softmax(&self) -> Self where T: Float {
                Array::log_softmax(self)
            }

            #[inline]
            fn sum(&self) -> T {
                Array::sum(self)
            }

            #[inline]
            fn mean(&self) -> T where T: Float {
                Array::mean(self)
            }

            #[inline]
            fn sum_axis<const A: usize>(&self) -> RowStat<T, ($(Const<$d>,)+)>
            where
                ($(Const<$d>,)+): AlongRows<A>,
            {
                Array::sum_axis::<0>(self)
            }

            #[inline]
            fn mean_axis<const A: usize>(&self) -> RowStat<T, ($(Const<$d>,)+)>
            where
                T: Float,
                ($(Const<$d>,)+): AlongRows<A>,
            {
                Array::mean_axis::<0>(self)
            }

            #[inline]
            fn var_axis<const A: usize>(&self) -> RowStat<T, ($(Const<$d>,)+)>
            where
                T: Float,
                ($(Const<$d>,)+): AlongRows<A>,
            {
                Array::var_axis::<0>(self)
            }

            #[inline]
            fn std_axis<const A: usize>(&self) -> RowStat<T, ($(Const<$d>,)+)>
            where
                T: Float,
                ($(Const<$d>,)+): AlongRows<A>,
            {
                Array::std_axis::<0>(self)
            }
        }
    )+};
}

static_batch! {
    [D1];
    [D1, D2];
    [D1, D2, D3];
}

impl<T, S: Dims> Leading for DynArray<T, S> {
    type Axis = Dyn;
}

impl<T, R> Batch<T, R> for DynArray<T, R>
where
    T: Element + Num,
    R: RowShape,
{
    #[inline]
    fn nrows(&self) -> usize {
        DynArray::nrows(self)
    }

    #[inline]
    fn as_flat(&self) -> &[T] {
        DynArray::as_flat(self)
    }

    #[inline]
    #[track_caller]
    fn row(&self, i: usize) -> &Array<T, R> {
        DynArray::row(self, i)
    }

    fn to_dyn(&self) -> DynArray<T, R> {
        self.clone()
    }

    #[inline]
    fn map(&self, f: impl FnMut(T) -> T) -> Self {
        DynArray::map(self, f)
    }

    #[inline]
    fn exp(&self) -> Self
    where
        T: Float,
    {
        DynArray::exp(self)
    }

    #[inline]
    fn ln(&self) -> Self
    where
        T: Float,
    {
        DynArray::ln(self)
    }

    #[inline]
    fn tanh(&self) -> Self
    where
        T: Float,
    {
        DynArray::tanh(self)
    }

    #[inline]
    fn sigmoid(&self) -> Self
    where
        T: Float,
    {
        DynArray::sigmoid(self)
    }

    #[inline]
    fn sqrt(&self) -> Self
    where
        T: Float,
    {
        DynArray::sqrt(self)
    }

    #[inline]
    fn square(&self) -> Self {
        DynArray::square(self)
    }

    #[inline]
    fn relu(&self) -> Self {
        DynArray::relu(self)
    }

    #[inline]
    fn softmax(&self) -> Self
    where
        T: Float,
    {
        DynArray::softmax(self)
    }

    #[inline]
    fn log_softmax(&self) -> Self
    where
        T: Float,
    {
        DynArray::log_softmax(self)
    }

    #[inline]
    fn sum(&self) -> T {
        DynArray::sum(self)
    }

    #[inline]
    fn mean(&self) -> T
    where
        T: Float,
    {
        DynArray::mean(self)
    }

    #[inline]
    fn sum_axis<const A: usize>(&self) -> RowStat<T, R>
    where
        R: AlongRows<A>,
    {
        DynArray::sum_axis::<0>(self)
    }

    #[inline]
    fn mean_axis<const A: usize>(&self) -> RowStat<T, R>
    where
        T: Float,
        R: AlongRows<A>,
    {
        DynArray::mean_axis::<0>(self)
    }

    #[inline]
    fn var_axis<const A: usize>(&self) -> RowStat<T, R>
    where
        T: Float,
        R: AlongRows<A>,
    {
        DynArray::var_axis::<0>(self)
    }

    #[inline]
    fn std_axis<const A: usize>(&self) -> RowStat<T, R>
    where
        T: Float,
        R: AlongRows<A>,
    {
        DynArray::std_axis::<0>(self)
    }
}

impl<T: Element + Num, const N: usize, const K: usize> Rows<T, K> for Tensor<T, N, K> {
    #[inline]
    fn t_matmul<const C: usize>(&self, y: &Tensor<T, N, C>) -> Tensor<T, K, C> {
        Tensor::t_matmul(self, y)
    }
}

impl<T: Element + Num, const K: usize> Rows<T, K> for DynTensor<T, K> {
    #[inline]
    #[track_caller]
    fn t_matmul<const C: usize>(&self, y: &DynTensor<T, C>) -> Tensor<T, K, C> {
        DynTensor::t_matmul(self, y)
    }
}
