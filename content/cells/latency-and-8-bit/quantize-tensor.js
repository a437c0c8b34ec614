const weights = tf.randomNormal([32, 3, 3], 0, 0.2, 'float32', 10);

const min = weights.min().dataSync()[0];
const max = weights.max().dataSync()[0];
const S = (max - min) / 255;
const Z = Math.round(-min / S);

const q = weights.div(S).round().add(Z).clipByValue(0, 255);
const restored = q.sub(Z).mul(S);
const error = restored.sub(weights).abs();
const largestError = error.max().dataSync()[0];

show.text('S =', S, ' Z =', Z);
show.text('largest error =', largestError, ' S/2 =', S / 2, ' within S/2:', largestError <= S / 2);

const [r, qs, back] = [weights, q, restored].map((t) => t.flatten().slice(0, 6).arraySync());
show.table(r.map((value, k) => ({ r: value, q: qs[k], 'S·(q − Z)': back[k], error: back[k] - value })));
