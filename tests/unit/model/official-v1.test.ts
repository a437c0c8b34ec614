/**
 * The official MobileNet V1 weights (../shared/models) in the network built from the engine's
 * spec: classifications of the sample photos, any resolution, BatchNorm folding, names,
 * shapes and parameter counts. Skipped, with a message, when ../shared/models is absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { mobilenetV1 } from '../../../src/lib/architecture';
import { buildNetwork, type BuiltNetwork } from '../../../src/lib/model/build';
import { loadLayersWeights } from '../../../src/lib/model/load';
import { predict } from '../../../src/lib/model/predict';
import { toInputTensor, type Pixels } from '../../../src/lib/model/preprocess';
import { expectedWeights, type WeightMap } from '../../../src/lib/model/weights';
import { fileFetch, hasModel, modelsDir, readPng, useCpu } from './helpers';

const ID = 'mobilenet_v1_0.25_224';
const present = hasModel(ID);
const CAT_CLASSES = [
	'tabby, tabby cat',
	'tiger cat',
	'Persian cat',
	'Siamese cat, Siamese',
	'Egyptian cat'
];

async function classify(net: BuiltNetwork, image: Pixels, activations = false) {
	const input = toInputTensor(image, net.spec.config.resolution);
	try {
		return await predict(net, input, { activations });
	} finally {
		input.dispose();
	}
}

describe.skipIf(!present)(
	'official MobileNet V1 α 0.25 in the spec-built network',
	{ timeout: 60_000 },
	() => {
		let weights: WeightMap;
		let coffee: Pixels;
		let chelsea: Pixels;

		beforeAll(async () => {
			await useCpu();
			weights = await loadLayersWeights(`http://localhost/models/${ID}/model.json`, {
				fetch: fileFetch(modelsDir)
			});
			coffee = readPng('coffee.png');
			chelsea = readPng('chelsea.png');
		});

		it('classifies the sample photos at 224 px as the reference does (folded BatchNorm)', async () => {
			const net = buildNetwork(mobilenetV1(0.25, 224), weights);
			try {
				const cup = await classify(net, coffee);
				expect(cup.top[0]).toMatchObject({ index: 967, name: 'espresso' });
				// /work/shared/README.md: 94% with 0.25 (tfjs 4.22, wasm).
				expect(cup.top[0]!.probability).toBeCloseTo(0.94, 2);
				expect(cup.top).toHaveLength(5);
				const cat = await classify(net, chelsea);
				expect(CAT_CLASSES).toContain(cat.top[0]!.name);
				expect(cat.top[0]!.name).toBe('Egyptian cat');
				expect(cat.top[0]!.probability).toBeCloseTo(0.3, 1);
				const sum = cat.probabilities.reduce((a, b) => a + b, 0);
				expect(sum).toBeCloseTo(1, 4);
			} finally {
				net.dispose();
			}
		});

		it('runs the same weights at 160 px (fully convolutional), with activations of the spec shapes', async () => {
			const spec = mobilenetV1(0.25, 160);
			const net = buildNetwork(spec, weights);
			try {
				const cup = await classify(net, coffee, true);
				expect(cup.top[0]!.name).toBe('espresso');
				expect(cup.activations!.map((a) => a.name)).toEqual(spec.layers.map((l) => l.name));
				for (const [i, a] of cup.activations!.entries()) {
					expect(a.shape).toEqual(spec.layers[i]!.output);
					expect(a.data.length).toBe(a.shape[0] * a.shape[1] * a.shape[2]);
				}
				expect(cup.activations![0]!.shape).toEqual([80, 80, 8]);

				// A chosen few, from the same pass: spec order, same values, unknown names refused.
				const input = toInputTensor(coffee, 160);
				try {
					const some = await predict(net, input, { activations: ['conv_pw_13', 'conv1'] });
					expect(some.activations!.map((a) => a.name)).toEqual(['conv1', 'conv_pw_13']);
					const all = cup.activations!.find((a) => a.name === 'conv_pw_13')!;
					expect(some.activations![1]!.data).toEqual(all.data);
					expect(some.top).toEqual(cup.top);
					await expect(predict(net, input, { activations: ['conv_pw_14'] })).rejects.toThrow(
						/No layer named conv_pw_14/
					);
				} finally {
					input.dispose();
				}
			} finally {
				net.dispose();
			}
		});

		it('gives the same activations folded and unfolded, within float tolerance', async () => {
			const spec = mobilenetV1(0.25, 128);
			const folded = buildNetwork(spec, weights, { foldBatchNorm: true });
			const unfolded = buildNetwork(spec, weights, { foldBatchNorm: false });
			try {
				const a = await classify(folded, chelsea, true);
				const b = await classify(unfolded, chelsea, true);
				expect(a.activations!.length).toBe(spec.layers.length);
				for (const [i, layer] of a.activations!.entries()) {
					const other = b.activations![i]!;
					expect(other.name).toBe(layer.name);
					let worst = 0;
					let scale = 1e-6;
					for (let j = 0; j < layer.data.length; j++) {
						worst = Math.max(worst, Math.abs(layer.data[j]! - other.data[j]!));
						scale = Math.max(scale, Math.abs(other.data[j]!));
					}
					expect(worst / scale, layer.name).toBeLessThan(1e-4);
				}
				expect(a.top.map((c) => c.index)).toEqual(b.top.map((c) => c.index));
			} finally {
				folded.dispose();
				unfolded.dispose();
			}
		});

		it('has the spec layer names and the Keras weight shapes; its parameter count is kerasParams', () => {
			const spec = mobilenetV1(0.25, 224);
			const net = buildNetwork(spec, weights, { foldBatchNorm: false });
			try {
				const names = new Set(net.model.layers.map((l) => l.name));
				for (const layer of spec.layers) {
					expect(names.has(layer.name), layer.name).toBe(true);
					if (layer.bnName) expect(names.has(layer.bnName), layer.bnName).toBe(true);
					if (layer.activationName) expect(names.has(layer.activationName)).toBe(true);
				}
				const shapes = new Map(
					net.model.layers.flatMap((l) => l.weights.map((w) => [w.originalName, w.shape]))
				);
				expect(shapes).toEqual(expectedWeights(spec));
				expect(net.model.countParams()).toBe(spec.totals.kerasParams);
				expect(spec.totals.kerasParams).toBe(475_544);
			} finally {
				net.dispose();
			}
		});

		it('frees every tensor after repeated predictions and rebuilds', async () => {
			const baseline = tf.memory().numTensors;
			for (const res of [96, 128, 96]) {
				const net = buildNetwork(mobilenetV1(0.25, res), weights);
				for (let i = 0; i < 3; i++) await classify(net, coffee, i % 2 === 0);
				net.dispose();
				net.dispose();
			}
			expect(tf.memory().numTensors).toBe(baseline);
		});
	}
);

describe.skipIf(!hasModel('mobilenet_v1_0.75_224'))(
	'official MobileNet V1 α 0.75',
	{ timeout: 60_000 },
	() => {
		it('calls the coffee cup an espresso (96% in the reference)', async () => {
			await useCpu();
			const weights = await loadLayersWeights(
				'http://localhost/models/mobilenet_v1_0.75_224/model.json',
				{ fetch: fileFetch(modelsDir) }
			);
			const net = buildNetwork(mobilenetV1(0.75, 224), weights);
			try {
				const cup = await classify(net, readPng('coffee.png'));
				expect(cup.top[0]!.name).toBe('espresso');
				expect(cup.top[0]!.probability).toBeCloseTo(0.96, 2);
			} finally {
				net.dispose();
			}
		});
	}
);
