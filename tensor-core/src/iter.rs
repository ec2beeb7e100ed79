//! Iteration and elementwise mapping.

use crate::Tensor;

impl<T, const R: usize, const C: usize> Tensor<T, R, C> {
    /// An iterator over the elements in row-major order.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.iter().copied().max(), Some(4));
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, T> {
        self.as_flat().iter()
    }

    /// A mutable iterator over the elements in row-major order.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::from([[1, 2], [3, 4]]);
    /// m.iter_mut().for_each(|x| *x *= 10);
    /// assert_eq!(m, Tensor::from([[10, 20], [30, 40]]));
    /// ```
    pub fn iter_mut(&mut self) -> core::slice::IterMut<'_, T> {
        self.as_flat_mut().iter_mut()
    }

    /// Applies `f` to every element, keeping the shape.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// assert_eq!(m.map(|x| x as f64 / 2.0), Tensor::from([[0.5, 1.0], [1.5, 2.0]]));
    /// ```
    #[must_use]
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Tensor<U, R, C> {
        Tensor {
            data: self.data.map(|row| row.map(&mut f)),
        }
    }

    /// Combines two tensors of the same shape element by element.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let a = Tensor::from([1, 2, 3]);
    /// let b = Tensor::from([10, 20, 30]);
    /// assert_eq!(a.zip_map(b, |x, y| x * y), Tensor::from([10, 40, 90]));
    /// ```
    #[must_use]
    pub fn zip_map<U, V>(
        self,
        other: Tensor<U, R, C>,
        mut f: impl FnMut(T, U) -> V,
    ) -> Tensor<V, R, C> {
        let mut rhs = other.into_iter();
        // `other` has exactly R * C elements, so `next` never runs out.
        Tensor {
            data: self
                .data
                .map(|row| row.map(|x| f(x, rhs.next().unwrap_or_else(|| unreachable!())))),
        }
    }
}

impl<T, const R: usize, const C: usize> IntoIterator for Tensor<T, R, C> {
    type Item = T;
    type IntoIter = core::iter::Flatten<core::array::IntoIter<[T; C], R>>;

    /// Consumes the tensor, yielding its elements in row-major order.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let v: Vec<i32> = Tensor::from([[1, 2], [3, 4]]).into_iter().collect();
    /// assert_eq!(v, [1, 2, 3, 4]);
    /// ```
    fn into_iter(self) -> Self::IntoIter {
        self.data.into_iter().flatten()
    }
}

impl<'a, T, const R: usize, const C: usize> IntoIterator for &'a Tensor<T, R, C> {
    type Item = &'a T;
    type IntoIter = core::slice::Iter<'a, T>;

    /// Iterates over the elements in row-major order by reference.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let m = Tensor::from([[1, 2], [3, 4]]);
    /// let mut total = 0;
    /// for x in &m {
    ///     total += x;
    /// }
    /// assert_eq!(total, 10);
    /// ```
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T, const R: usize, const C: usize> IntoIterator for &'a mut Tensor<T, R, C> {
    type Item = &'a mut T;
    type IntoIter = core::slice::IterMut<'a, T>;

    /// Iterates over the elements in row-major order by mutable reference.
    ///
    /// ```
    /// use tensor_core::Tensor;
    ///
    /// let mut m = Tensor::from([1, 2]);
    /// for x in &mut m {
    ///     *x += 1;
    /// }
    /// assert_eq!(m, Tensor::from([2, 3]));
    /// ```
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}
