use tensor::tensor;

fn main() {
    // an image of 2 x 2 pixels with 3 channels, one pixel missing a channel
    let _img = tensor![[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11]]];
    // a block with a missing row
    let _t = tensor![[[1], [2]], [[3]]];
}
