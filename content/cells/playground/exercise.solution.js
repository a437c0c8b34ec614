const M = 64;
const N = 128;
const D_F = 28;

const cost = M * N * D_F * D_F;

cost
