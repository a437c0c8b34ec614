/**
 * The lab's "current network": last request wins, trained/untrained status with reasons,
 * no tensor leaks across inferences and α/ρ changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { mobilenetV2, type NetworkConfig } from '../../../src/lib/architecture';
import { developmentConversions } from '../../../scripts/lib/tflite-models.js';
import { ModelSession, type SessionOptions } from '../../../src/lib/model/session';
import type { LoadProgress } from '../../../src/lib/model/progress';
import { fileFetch, hasModel, hasTflite, modelsDir, projectRoot, readPng, useCpu } from './helpers';

const present = hasModel('mobilenet_v1_0.25_224');

function session(extra: SessionOptions = {}) {
	return new ModelSession({
		backend: false,
		cache: null,
		fetch: fileFetch(modelsDir),
		sources: { modelsPath: 'http://localhost/models/', allowOfficial: false },
		...extra
	});
}

describe.skipIf(!present)('ModelSession', { timeout: 60_000 }, () => {
	const coffee = readPng('coffee.png');
	beforeAll(useCpu);

	it('runs the trained V1 and says where its weights came from, with progress', async () => {
		const seen: Array<[string, LoadProgress]> = [];
		const s = session({ onProgress: (model, p) => seen.push([model.id, p]) });
		try {
			const r = await s.run({
				config: { version: 'v1', alpha: 0.25, resolution: 224 },
				image: coffee
			});
			expect(r).not.toBeNull();
			expect(r!.network.status).toMatchObject({
				weights: 'trained',
				model: { id: 'mobilenet_v1_0.25_224' },
				source: { kind: 'same-origin' }
			});
			expect(r!.prediction!.top[0]!.name).toBe('espresso');
			expect(r!.prediction!.activations).toHaveLength(r!.network.spec.layers.length);
			expect(r!.input).toMatchObject({ width: 224, height: 224 });
			expect(r!.input!.data).toHaveLength(224 * 224 * 4);
			expect(seen.at(-1)).toMatchObject(['mobilenet_v1_0.25_224', { fraction: 1 }]);
			expect(r!.network.spec.totals.macs).toBeGreaterThan(0);

			const timings = await s.profile({ runs: 1 });
			expect(timings!.map((t) => t.name)).toEqual(r!.network.spec.layers.map((l) => l.name));
			expect(timings!.every((t) => Number.isFinite(t.ms) && t.ms >= 0)).toBe(true);
		} finally {
			s.dispose();
		}
	});

	it('runs untrained networks and says why', async () => {
		const s = session();
		try {
			const cases: Array<[NetworkConfig, string]> = [
				[{ version: 'v1', alpha: 0.3, resolution: 64 }, 'alpha-not-published'],
				[{ version: 'v3-small', alpha: 1, resolution: 64 }, 'no-layers-weights'],
				[{ version: 'v1', alpha: 0.5, resolution: 64 }, 'download-failed']
			];
			for (const [config, reason] of cases) {
				const r = await s.run({ config, image: coffee });
				expect(r!.network.status).toMatchObject({ weights: 'untrained', reason, seed: 1 });
				expect(r!.prediction!.probabilities).toHaveLength(1000);
			}
			const failed = s.current!.status;
			if (failed.weights === 'untrained') {
				// The float weights first, then the 8-bit ones (neither is in this folder).
				expect(failed.attempts).toEqual(
					['mobilenet_v1_0.50_224', 'mobilenet_v1_0.5_160_quant'].map((id) => ({
						source: { kind: 'same-origin', url: `http://localhost/models/${id}/model.json` },
						error: expect.stringMatching(/HTTP 404/)
					}))
				);
			}
		} finally {
			s.dispose();
		}
	});

	it('tries the download again after retryDownloads()', async () => {
		let online = false;
		const files = fileFetch(modelsDir);
		const s = session({
			fetch: ((input: RequestInfo | URL) =>
				online ? files(input) : Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch
		});
		try {
			const config = { version: 'v1' as const, alpha: 0.25, resolution: 64 };
			const offline = await s.run({ config });
			expect(offline!.network.status).toMatchObject({
				weights: 'untrained',
				reason: 'download-failed'
			});
			online = true;
			// A failure is remembered (no download storm while dragging ρ) until asked to retry.
			expect((await s.run({ config: { ...config, resolution: 72 } }))!.network.status.weights).toBe(
				'untrained'
			);
			s.retryDownloads();
			expect((await s.run({ config }))!.network.status.weights).toBe('trained');
		} finally {
			s.dispose();
		}
	});

	it('lets the last request win when requests overlap', async () => {
		const s = session();
		try {
			const first = s.run({
				config: { version: 'v1', alpha: 0.25, resolution: 128 },
				image: coffee
			});
			const second = s.run({
				config: { version: 'v1', alpha: 0.25, resolution: 96 },
				image: coffee
			});
			const third = s.run({ config: { version: 'v2', alpha: 0.5, resolution: 64 }, image: coffee });
			expect(await first).toBeNull();
			expect(await second).toBeNull();
			const last = await third;
			expect(last!.network.config).toMatchObject({ version: 'v2', alpha: 0.5, resolution: 64 });
			expect(s.current!.config).toEqual(last!.network.config);
			// A request made while a prediction is being read back supersedes it too.
			const a = s.run({ config: { version: 'v2', alpha: 0.5, resolution: 64 }, image: coffee });
			await Promise.resolve();
			const b = s.run({ config: { version: 'v2', alpha: 0.5, resolution: 64 } });
			expect(await a).toBeNull();
			expect((await b)!.prediction).toBeNull();
		} finally {
			s.dispose();
		}
	});

	it('rejects bad pixels with a message and keeps working', async () => {
		const s = session();
		try {
			const config = { version: 'v1' as const, alpha: 0.25, resolution: 64 };
			await expect(
				s.run({ config, image: { data: new Uint8ClampedArray(3), width: 4, height: 4 } })
			).rejects.toThrow(/RGBA pixels/);
			expect((await s.run({ config, image: coffee }))!.prediction!.top).toHaveLength(5);
		} finally {
			s.dispose();
		}
	});

	it('returns to the same tensor count after 100 inferences and 100 α/ρ changes', async () => {
		const before = tf.memory().numTensors;
		const s = session();
		const home = { version: 'v1' as const, alpha: 0.25, resolution: 64 };
		await s.run({ config: home, image: coffee });
		const baseline = tf.memory().numTensors;
		for (let i = 0; i < 100; i++)
			await s.run({ config: home, image: coffee, activations: i % 2 === 0 });
		expect(tf.memory().numTensors).toBe(baseline);
		const alphas = [0.25, 0.3, 0.2];
		for (let i = 0; i < 100; i++) {
			const config = {
				version: 'v1' as const,
				alpha: alphas[i % 3]!,
				resolution: 32 + 8 * (i % 5)
			};
			await s.run({ config, image: i % 10 === 0 ? coffee : null });
		}
		await s.run({ config: home, image: coffee });
		expect(tf.memory().numTensors).toBe(baseline);
		s.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});
});

describe.skipIf(!present || !hasTflite('mobilenet_v2_1.0_224_quant.tflite'))(
	'ModelSession with Google’s 8-bit models (converted as npm run models does)',
	{ timeout: 120_000 },
	() => {
		let converted: string;
		beforeAll(async () => {
			await useCpu();
			converted = (await developmentConversions(projectRoot))!;
		});
		const eightBit = (extra: SessionOptions = {}) =>
			session({ fetch: fileFetch([modelsDir, converted]), ...extra });

		it('runs V2 1.0 trained, from its 8-bit weights, with every block’s three outputs', async () => {
			const s = eightBit();
			try {
				const spec = mobilenetV2(1, 224);
				const r = await s.run({ spec, image: readPng('coffee.png'), quantize: 'per-tensor' });
				expect(r!.network.spec).toBe(spec);
				expect(r!.network.status).toMatchObject({
					weights: 'trained',
					model: {
						id: 'mobilenet_v2_1.0_224_quant',
						precision: 'uint8',
						top1: { percent: 70.8 }
					},
					source: { kind: 'same-origin' }
				});
				// Folded already, and already 8-bit: the switch leaves them as they came.
				expect(r!.network.folded).toBe(true);
				expect(r!.network.quantized).toBeNull();
				expect(r!.network.weights.get('block_3_expand/kernel')!.quantization).toMatchObject({
					dtype: 'uint8'
				});
				expect(r!.prediction!.top[0]).toMatchObject({ name: 'espresso' });
				expect(r!.prediction!.top[0]!.probability).toBeGreaterThan(0.9);
				const names = r!.prediction!.activations!.map((a) => a.name);
				for (let block = 1; block <= 16; block++) {
					for (const part of ['expand', 'depthwise', 'project']) {
						expect(names).toContain(`block_${block}_${part}`);
					}
				}
				const expand = r!.prediction!.activations!.find((a) => a.name === 'block_3_expand')!;
				const project = r!.prediction!.activations!.find((a) => a.name === 'block_3_project')!;
				expect(expand.shape).toEqual([56, 56, 144]);
				expect(project.shape).toEqual([28, 28, 32]);
				// ReLU6 after the expansion; the linear bottleneck has negative values too.
				const least = (data: Float32Array) => data.reduce((a, b) => Math.min(a, b), Infinity);
				expect(least(expand.data)).toBeGreaterThanOrEqual(0);
				expect(least(project.data)).toBeLessThan(0);
			} finally {
				s.dispose();
			}
		});

		it('runs V1 1.0 from its 8-bit weights when its float ones cannot be reached', async () => {
			const s = eightBit();
			try {
				const r = await s.run({
					config: { version: 'v1', alpha: 1, resolution: 224 },
					image: readPng('chelsea.png'),
					activations: false
				});
				expect(r!.network.status).toMatchObject({
					weights: 'trained',
					model: { id: 'mobilenet_v1_1.0_224_quant', top1: { percent: 70 } }
				});
				expect(r!.prediction!.top[0]!.name).toBe('Egyptian cat');
				expect(s.settledStatus({ version: 'v1', alpha: 1, resolution: 96 })).toBe(
					r!.network.status
				);
				expect(s.settledStatus({ version: 'v1', alpha: 0.75, resolution: 96 })).toBeNull();
				expect(s.settledStatus({ version: 'v2', alpha: 0.5, resolution: 96 })).toMatchObject({
					weights: 'untrained',
					reason: 'width-not-converted'
				});
			} finally {
				s.dispose();
			}
		});
	}
);

describe.skipIf(!present)('8-bit weights for a float network', { timeout: 60_000 }, () => {
	beforeAll(useCpu);

	it('changes the result, reports each layer’s error, and switching back restores it exactly', async () => {
		const s = session();
		const image = readPng('chelsea.png');
		const config = { version: 'v1' as const, alpha: 0.25, resolution: 224 };
		try {
			const float = await s.run({ config, image, activations: false });
			expect(float!.network.quantized).toBeNull();
			const perTensor = await s.run({ config, image, activations: false, quantize: 'per-tensor' });
			expect(perTensor!.network.quantized!.mode).toBe('per-tensor');
			expect(perTensor!.network.quantized!.layers).toHaveLength(28);
			expect(perTensor!.prediction!.probabilities).not.toEqual(float!.prediction!.probabilities);
			expect(perTensor!.prediction!.top.map((c) => c.probability)).not.toEqual(
				float!.prediction!.top.map((c) => c.probability)
			);
			const perChannel = await s.run({
				config,
				image,
				activations: false,
				quantize: 'per-channel'
			});
			expect(perChannel!.network.quantized!.mode).toBe('per-channel');
			const back = await s.run({ config, image, activations: false, quantize: null });
			expect(back!.network.quantized).toBeNull();
			expect(back!.prediction!.probabilities).toEqual(float!.prediction!.probabilities);
			expect(back!.prediction!.top).toEqual(float!.prediction!.top);
		} finally {
			s.dispose();
		}
	});
});
