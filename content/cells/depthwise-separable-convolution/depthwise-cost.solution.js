const D_K = 3;
const M = 32;
const D_F = 56;

const depthwiseCost = D_K * D_K * M * D_F * D_F;

const input = tf.randomNormal([1, D_F, D_F, M]);
const filters = tf.randomNormal([D_K, D_K, M, 1]);
const output = tf.depthwiseConv2d(input, filters, 1, 'same');
show.table({ input: input.shape, filters: filters.shape, output: output.shape });

depthwiseCost
