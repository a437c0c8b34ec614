const H = 8;
const W = 8;
const M = 16;
const N = 4;

const x = tf.randomNormal([1, H, W, M]);
const w = tf.randomNormal([1, 1, M, N]);
const viaConv = tf.conv2d(x, w, 1, 'valid');

const viaMatmul = undefined;

show.text('viaConv:', viaConv.shape);
if (viaMatmul) {
	show.text('viaMatmul:', viaMatmul.shape);
}
if (viaMatmul && viaMatmul.shape.join() === viaConv.shape.join()) {
	show.text('max |viaConv − viaMatmul|:', tf.max(tf.abs(tf.sub(viaConv, viaMatmul))).dataSync()[0]);
}
