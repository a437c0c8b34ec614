const size = 64;
const [x, y] = tf.meshgrid(tf.linspace(-1, 1, size), tf.linspace(-1, 1, size));
const picture = x.square().add(y.mul(1.6).square()).less(0.5).cast('float32');
show.image(picture, 'picture');

const sobel = tf.tensor2d([
	[-1, 0, 1],
	[-2, 0, 2],
	[-1, 0, 1]
]);
const filters = tf.stack([sobel, sobel.transpose()], 2).expandDims(2);
const edges = tf.conv2d(picture.reshape([1, size, size, 1]), filters, 1, 'same');
show.heatmap(edges, 'conv2d');

edges.shape
