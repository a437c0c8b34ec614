/**
 * V2 and V3 have no layers-format weights: they build from their specs with seeded He-normal
 * initialisation and still produce real, reproducible probabilities.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { buildSpec, type NetworkConfig } from '../../../src/lib/architecture';
import { buildNetwork } from '../../../src/lib/model/build';
import { predict } from '../../../src/lib/model/predict';
import { toInputTensor } from '../../../src/lib/model/preprocess';
import { expectedWeights, initialWeights } from '../../../src/lib/model/weights';
import { readPng, useCpu } from './helpers';

// Small inputs keep the cpu backend quick; every spec is fully convolutional up to its pool.
const RES = 64;

async function probabilities(config: NetworkConfig, seed: number, foldBatchNorm = true) {
	const spec = buildSpec(config);
	const net = buildNetwork(spec, initialWeights(spec, seed), { foldBatchNorm });
	const input = toInputTensor(readPng('chelsea.png'), config.resolution);
	try {
		return await predict(net, input, { activations: !foldBatchNorm || seed === 1 });
	} finally {
		input.dispose();
		net.dispose();
	}
}

describe.each(['v2', 'v3-large', 'v3-small'] as const)(
	'%s, untrained',
	{ timeout: 60_000 },
	(version) => {
		const config = { version, alpha: 1, resolution: RES };
		beforeAll(useCpu);

		it('builds from its spec with Keras names, the spec weight shapes and kerasParams', () => {
			const spec = buildSpec(config);
			const net = buildNetwork(spec, initialWeights(spec, 7), { foldBatchNorm: false });
			try {
				const shapes = new Map(
					net.model.layers.flatMap((l) => l.weights.map((w) => [w.originalName, w.shape]))
				);
				expect(shapes).toEqual(expectedWeights(spec));
				expect(net.model.countParams()).toBe(spec.totals.kerasParams);
				const names = new Set(net.model.layers.map((l) => l.name));
				for (const layer of spec.layers.filter((l) => l.kind !== 'se')) {
					expect(names.has(layer.name), layer.name).toBe(true);
				}
			} finally {
				net.dispose();
			}
		});

		it('gives 1000 probabilities summing to 1, the same for the same seed', async () => {
			const a = await probabilities(config, 1);
			const b = await probabilities(config, 1);
			const c = await probabilities(config, 2);
			expect(a.probabilities).toHaveLength(1000);
			expect(a.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 4);
			expect(Array.from(b.probabilities)).toEqual(Array.from(a.probabilities));
			expect(Array.from(c.probabilities)).not.toEqual(Array.from(a.probabilities));
			// Seeded weights must keep a signal alive to the last layer (not all zeros / uniform).
			const last = a.activations!.at(-2)!;
			expect(last.data.some((v) => v !== 0)).toBe(true);
		});

		it("runs the same pass as tf.layers' own executor, and keeps only what it is asked for", async () => {
			const spec = buildSpec(config);
			const net = buildNetwork(spec, initialWeights(spec, 4), { foldBatchNorm: true });
			const input = toInputTensor(readPng('coffee.png'), RES);
			const keep = net.layerNames.filter((_, i) => i % 3 === 0);
			try {
				const reference = net.model.predict(input) as tf.Tensor[];
				const before = tf.memory().numTensors;
				const out = net.forward(input, new Set(keep));
				// The probabilities and the kept layers: every other intermediate is already freed.
				expect(tf.memory().numTensors - before).toBe(1 + keep.length);
				expect(await out.probabilities.data()).toEqual(await reference[0]!.data());
				for (const name of keep) {
					const i = net.layerNames.indexOf(name);
					expect(await out.layers.get(name)!.data(), name).toEqual(await reference[i + 1]!.data());
				}
				tf.dispose([...reference, out.probabilities, ...out.layers.values()]);
			} finally {
				input.dispose();
				net.dispose();
			}
		});

		it('folds BatchNorm (with SE, hard-swish and residual adds) without changing its output', async () => {
			const spec = buildSpec(config);
			const weights = initialWeights(spec, 3);
			// Give BatchNorm non-trivial statistics, as trained weights would have.
			const random = new Map(weights);
			for (const [name, w] of weights) {
				if (/(moving_variance|gamma)$/.test(name)) {
					random.set(name, {
						shape: w.shape,
						data: w.data.map((_, i) => 0.5 + ((i * 37) % 11) / 10)
					});
				} else if (/(moving_mean|beta)$/.test(name)) {
					random.set(name, {
						shape: w.shape,
						data: w.data.map((_, i) => ((i * 13) % 7) / 10 - 0.3)
					});
				}
			}
			const input = toInputTensor(readPng('coffee.png'), RES);
			const nets = [true, false].map((fold) => buildNetwork(spec, random, { foldBatchNorm: fold }));
			try {
				const [a, b] = await Promise.all(nets.map((n) => predict(n, input)));
				for (const [i, layer] of a!.activations!.entries()) {
					const other = b!.activations![i]!;
					let worst = 0;
					let scale = 1e-6;
					for (let j = 0; j < layer.data.length; j++) {
						worst = Math.max(worst, Math.abs(layer.data[j]! - other.data[j]!));
						scale = Math.max(scale, Math.abs(other.data[j]!));
					}
					expect(worst / scale, layer.name).toBeLessThan(1e-4);
				}
			} finally {
				input.dispose();
				for (const n of nets) n.dispose();
			}
		});
	}
);

it(
	'leaves no tensors behind after building and running untrained networks',
	{ timeout: 60_000 },
	async () => {
		await useCpu();
		const baseline = tf.memory().numTensors;
		await probabilities({ version: 'v3-small', alpha: 0.75, resolution: 64 }, 5);
		await probabilities({ version: 'v2', alpha: 0.35, resolution: 64 }, 5, false);
		expect(tf.memory().numTensors).toBe(baseline);
	}
);
