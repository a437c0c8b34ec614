/**
 * 8-bit weights simulated in float (per tensor, per channel), histograms of a layer's weights, and
 * measured time against mult-adds: the pure logic the lab shows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mobilenetV1, mobilenetV2 } from '../../../src/lib/architecture';
import { prepareWeights } from '../../../src/lib/model/build';
import { weightHistogram } from '../../../src/lib/model/histogram';
import { loadLayersWeights } from '../../../src/lib/model/load';
import { quantizeWeights } from '../../../src/lib/model/quantize';
import { timeVsMacs } from '../../../src/lib/model/time-vs-macs';
import type { WeightArray, WeightMap } from '../../../src/lib/model/weights';
import { fileFetch, hasModel, modelsDir } from './helpers';

const ID = 'mobilenet_v1_0.25_224';

describe('8-bit weights in float', { timeout: 60_000 }, () => {
	it('rounds a kernel to at most 256 levels per tensor, with 0 exact, and reports the error', () => {
		const spec = mobilenetV1(0.25, 32);
		const weights = new Map<string, WeightArray>();
		for (const layer of spec.layers) {
			if (!['conv', 'depthwise', 'pointwise', 'fc'].includes(layer.kind)) continue;
			const name = `${layer.name}/${layer.kind === 'depthwise' ? 'depthwise_kernel' : 'kernel'}`;
			const n = layer.kind === 'depthwise' ? 9 * layer.input[2] : layer.params;
			const data = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 0.3);
			data[0] = 0;
			weights.set(name, { shape: [1, 1, n, 1], data });
		}
		const { weights: q, layers } = quantizeWeights(spec, weights, 'per-tensor');
		const kernel = q.get('conv_pw_1/kernel')!;
		expect(kernel.data[0]).toBe(0);
		expect(new Set(kernel.data).size).toBeLessThanOrEqual(256);
		expect(kernel.quantization?.dtype).toBe('uint8');
		expect(layers.map((l) => l.name)).toEqual(
			spec.layers.filter((l) => l.params > 0).map((l) => l.name)
		);
		for (const l of layers) {
			expect(l.relative).toBeGreaterThan(0);
			expect(l.relative).toBeLessThan(0.01);
			expect(l.sqnrDb).toBeCloseTo(-20 * Math.log10(l.relative), 6);
		}
		// The same again changes nothing: the values already sit on the grid.
		const again = quantizeWeights(spec, q, 'per-tensor');
		expect(again.weights.get('conv_pw_1/kernel')!.data).toEqual(kernel.data);
	});

	describe.skipIf(!hasModel(ID))('on Google’s float V1 α 0.25, BatchNorm folded', () => {
		let folded: WeightMap;
		const spec = mobilenetV1(0.25, 224);
		beforeAll(async () => {
			const keras = await loadLayersWeights(`http://localhost/models/${ID}/model.json`, {
				fetch: fileFetch(modelsDir)
			});
			folded = prepareWeights(spec, keras, 'keras', true);
		});

		it('hurts depthwise layers most per tensor, and hardly at all per channel', () => {
			const perTensor = quantizeWeights(spec, folded, 'per-tensor').layers;
			const perChannel = quantizeWeights(spec, folded, 'per-channel').layers;
			const mean = (layers: typeof perTensor, kind: string) => {
				const of = layers.filter((l) => l.kind === kind).map((l) => l.channelRelative);
				return of.reduce((a, b) => a + b, 0) / of.length;
			};
			// Folding BatchNorm spreads the depthwise channels' ranges: one grid fits few of them.
			expect(mean(perTensor, 'depthwise')).toBeGreaterThan(1.5 * mean(perTensor, 'pointwise'));
			expect(mean(perTensor, 'depthwise')).toBeGreaterThan(0.05);
			expect(mean(perChannel, 'depthwise')).toBeLessThan(0.01);
			perTensor.forEach((l, i) => {
				expect(perChannel[i]!.channelRelative).toBeLessThan(l.channelRelative);
				expect(l.worstChannel).toBeGreaterThanOrEqual(l.channelRelative);
			});
		});

		it('draws a float layer as a continuum and its 8-bit copy as its 256 levels', () => {
			const kernel = folded.get('conv_pw_5/kernel')!;
			const float = weightHistogram(kernel);
			expect(float.levels).toBeNull();
			expect(float.counts).toHaveLength(64);
			expect(float.counts.reduce((a, b) => a + b, 0)).toBe(kernel.data.length);
			expect(float.scale).toBeCloseTo((Math.max(0, float.max) - Math.min(0, float.min)) / 255, 12);

			const eight = quantizeWeights(spec, folded, 'per-tensor').weights.get('conv_pw_5/kernel')!;
			const levels = weightHistogram(eight);
			expect(levels.levels).toBe(256);
			expect(levels.counts).toHaveLength(256);
			expect(levels.scale).toBe(eight.quantization!.scale);
			expect(levels.counts.reduce((a, b) => a + b, 0)).toBe(kernel.data.length);
			// Every value sits on its level's bin: bin i is centred on scale × (i − zero point).
			const used = levels.counts.flatMap((c, i) => (c > 0 ? [i] : []));
			const values = new Set(eight.data);
			expect(used).toHaveLength(values.size);
		});
	});
});

describe('time against mult-adds', () => {
	it('gives each kind its share of both, and each layer its rate in GMAC/s', () => {
		const spec = mobilenetV2(1, 224);
		const timings = spec.layers.map((l) => ({
			name: l.name,
			ms: l.kind === 'depthwise' ? l.macs / 1e6 : l.macs / 4e6 + 0.01
		}));
		const result = timeVsMacs(spec, timings);
		expect(result.totalMacs).toBe(spec.totals.macs);
		const kinds = Object.fromEntries(result.kinds.map((k) => [k.kind, k]));
		expect(Object.keys(kinds)).toEqual(['conv', 'depthwise', 'pointwise', 'fc', 'pool', 'add']);
		expect(result.kinds.reduce((s, k) => s + k.timeShare, 0)).toBeCloseTo(1, 12);
		expect(result.kinds.reduce((s, k) => s + k.macsShare, 0)).toBeCloseTo(1, 12);
		expect(kinds.depthwise!.macsShare).toBeCloseTo(
			spec.byKind.depthwise.macs / spec.totals.macs,
			12
		);
		// Depthwise here runs at 1 GMAC/s, a quarter of the pointwise rate: its time share is larger.
		expect(kinds.depthwise!.timeShare).toBeGreaterThan(kinds.depthwise!.macsShare);
		expect(kinds.pool!.gmacPerSecond).toBeNull();
		const dw = result.layers.find((l) => l.name === 'block_3_depthwise')!;
		expect(dw.gmacPerSecond).toBeCloseTo(1, 9);
		expect(result.layers.find((l) => l.name === 'block_2_add')!.gmacPerSecond).toBeNull();
		// Timings for layers the spec lacks are ignored; an empty profile gives no shares.
		expect(timeVsMacs(spec, [{ name: 'nope', ms: 1 }]).kinds).toEqual([]);
	});
});
