const steps = 400;
const angle = tf.linspace(0, 4 * Math.PI, steps);
const spiral = tf.stack([angle.mul(tf.cos(angle)), angle.mul(tf.sin(angle))], 1);

function throughRelu(n) {
	return tf.tidy(() => {
		const T = tf.randomNormal([2, n]);
		const lifted = tf.relu(spiral.matMul(T));
		const [[a, b], [c, d]] = T.matMul(T.transpose()).arraySync();
		const inverse = tf.tensor2d([
			[d, -b],
			[-c, a]
		]).div(a * d - b * c);
		return lifted.matMul(T.transpose()).matMul(inverse).arraySync();
	});
}

show.line(spiral.arraySync(), { title: 'input' });
for (const n of [2, 3, 5, 15, 30]) {
	show.line(throughRelu(n), { title: `n = ${n}` });
}
