const M = 64;
const N = 128;
const D_F = 28;

const cost = undefined;

cost
