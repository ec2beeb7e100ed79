use tensor::batch::Batch;
use tensor::shape::Const;

// Through `Batch`, reductions run along the rows (axis 0): along axis 1 the result's type
// differs between a static and a run-time batch, so generic code cannot name it.
fn per_row<X: Batch<f32, (Const<3>,)>>(x: &X) {
    let _ = x.sum_axis::<1>();
}

fn main() {}
