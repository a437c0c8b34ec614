const D_K = 3;
const M = 32;
const N = 64;
const D_F = 56;

const cost = D_K * D_K * M * N * D_F * D_F;

const input = tf.randomNormal([1, D_F, D_F, M]);
const kernel = tf.randomNormal([D_K, D_K, M, N]);
const output = tf.conv2d(input, kernel, 1, 'same');
show.table({ input: input.shape, kernel: kernel.shape, output: output.shape });

cost
