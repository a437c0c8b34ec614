const a = tf.tensor2d([
	[1, 2],
	[3, 4]
]);
const b = tf.tensor2d([
	[0, 1],
	[1, 0]
]);
show.text('a =', a);
show.table(a.arraySync());

a.matMul(b)
