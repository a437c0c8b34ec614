const size = 96;
const [x, y] = tf.meshgrid(tf.linspace(-1, 1, size), tf.linspace(-1, 1, size));
const radius = x.square().add(y.square()).sqrt();
const picture = tf.stack([x.add(1).div(2), y.add(1).div(2), radius.less(0.8).cast('float32')], 2);
show.image(picture, 'picture');

const filters = tf.randomNormal([3, 3, 3, 8]);
const features = tf.relu(tf.conv2d(picture.expandDims(0), filters, 1, 'same'));
show.heatmap(features, 'relu(conv2d)');

features.shape
