const D_K = 3;
const M = 32;
const N = 64;

const model = tf.sequential();
model.add(tf.layers.inputLayer({ inputShape: [56, 56, M] }));

model.summary();
show.bar({
	'tf: model.countParams()': model.countParams(),
	'standardConvParams(D_K, M, N)': standardConvParams(D_K, M, N)
});
