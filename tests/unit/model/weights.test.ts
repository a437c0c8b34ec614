import { describe, expect, it } from 'vitest';
import { buildSpec, mobilenetV1, VERSIONS } from '../../../src/lib/architecture';
import { BN_EPSILON, foldBatchNorm } from '../../../src/lib/model/fold-batchnorm';
import {
	conformWeights,
	countValues,
	expectedWeights,
	initialWeights
} from '../../../src/lib/model/weights';
import { seededRandom } from '../../../src/lib/random';

describe('expectedWeights', () => {
	it.each(VERSIONS)('%s: the weights the spec implies add up to kerasParams', (version) => {
		for (const alpha of [0.35, 1]) {
			const spec = buildSpec({ version, alpha, resolution: 160 });
			const total = [...expectedWeights(spec).values()].reduce(
				(s, shape) => s + shape.reduce((a, b) => a * b, 1),
				0
			);
			expect(total).toBe(spec.totals.kerasParams);
		}
	});

	it('replaces BatchNorm by a bias when folded', () => {
		const shapes = expectedWeights(mobilenetV1(0.25, 224), true);
		expect(shapes.get('conv1/kernel')).toEqual([3, 3, 3, 8]);
		expect(shapes.get('conv1/bias')).toEqual([8]);
		expect(shapes.get('conv_dw_1/depthwise_kernel')).toEqual([3, 3, 8, 1]);
		expect(shapes.get('conv_preds/kernel')).toEqual([1, 1, 256, 1000]);
		expect([...shapes.keys()].some((k) => k.includes('_bn/'))).toBe(false);
	});
});

describe('initialWeights', () => {
	it('is reproducible from its seed, He-normal scaled, with BatchNorm at identity', () => {
		const spec = mobilenetV1(0.5, 128);
		const a = initialWeights(spec, 42);
		const b = initialWeights(spec, 42);
		const c = initialWeights(spec, 43);
		expect(countValues(a.values())).toBe(spec.totals.kerasParams);
		expect(a.get('conv_pw_5/kernel')!.data).toEqual(b.get('conv_pw_5/kernel')!.data);
		expect(a.get('conv_pw_5/kernel')!.data).not.toEqual(c.get('conv_pw_5/kernel')!.data);
		// conv_pw_5: 1×1, 128 inputs → std √(2/128) = 0.125.
		const k = a.get('conv_pw_5/kernel')!.data;
		const std = Math.sqrt(k.reduce((s, v) => s + v * v, 0) / k.length);
		expect(std).toBeCloseTo(0.125, 2);
		// Depthwise fan-in is k·k = 9: std √(2/9) ≈ 0.471.
		const d = a.get('conv_dw_5/depthwise_kernel')!.data;
		expect(Math.sqrt(d.reduce((s, v) => s + v * v, 0) / d.length)).toBeCloseTo(0.471, 1);
		expect(a.get('conv1_bn/gamma')!.data.every((v) => v === 1)).toBe(true);
		expect(a.get('conv1_bn/moving_mean')!.data.every((v) => v === 0)).toBe(true);
	});

	it('draws uniform numbers in [0, 1)', () => {
		const random = seededRandom(9);
		const xs = Array.from({ length: 10_000 }, random);
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
		expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
	});
});

describe('conformWeights', () => {
	const spec = mobilenetV1(0.25, 224);

	it('names every missing or misshapen weight', () => {
		const weights = initialWeights(spec);
		weights.delete('conv_pw_3/kernel');
		weights.set('conv1/kernel', { shape: [3, 3, 3, 9], data: new Float32Array(243) });
		expect(() => conformWeights(spec, weights)).toThrow(
			/missing conv_pw_3\/kernel.*|conv1\/kernel/
		);
		expect(() => conformWeights(spec, weights)).toThrow(/conv1\/kernel is \[3,3,3,9\]/);
	});

	it('accepts a Dense classifier [C, K] for the 1×1 conv [1, 1, C, K]', () => {
		const weights = initialWeights(spec);
		const preds = weights.get('conv_preds/kernel')!;
		weights.set('conv_preds/kernel', { shape: [256, 1000], data: preds.data });
		expect(conformWeights(spec, weights).get('conv_preds/kernel')!.shape).toEqual([
			1, 1, 256, 1000
		]);
	});
});

describe('foldBatchNorm', () => {
	it('computes W·γ/√(σ²+ε) and β − μ·γ/√(σ²+ε) per output channel', () => {
		const spec = mobilenetV1(0.25, 32);
		const weights = initialWeights(spec, 5);
		const set = (name: string, values: number[]) =>
			weights.set(name, { shape: [values.length], data: Float32Array.from(values) });
		const c = 8;
		set(
			'conv1_bn/gamma',
			Array.from({ length: c }, (_, i) => 1 + i)
		);
		set(
			'conv1_bn/beta',
			Array.from({ length: c }, (_, i) => i / 10)
		);
		set(
			'conv1_bn/moving_mean',
			Array.from({ length: c }, (_, i) => -i)
		);
		set(
			'conv1_bn/moving_variance',
			Array.from({ length: c }, (_, i) => 4 + i)
		);
		set(
			'conv_dw_1_bn/gamma',
			Array.from({ length: c }, () => 2)
		);
		set(
			'conv_dw_1_bn/moving_variance',
			Array.from({ length: c }, () => 1 - BN_EPSILON)
		);

		const folded = foldBatchNorm(spec, weights);
		const kernel = weights.get('conv1/kernel')!.data;
		const fk = folded.get('conv1/kernel')!.data;
		const fb = folded.get('conv1/bias')!.data;
		for (let i = 0; i < kernel.length; i++) {
			const ch = i % c;
			const s = (1 + ch) / Math.sqrt(4 + ch + BN_EPSILON);
			expect(fk[i]).toBeCloseTo(kernel[i]! * s, 5);
		}
		for (let ch = 0; ch < c; ch++) {
			const s = (1 + ch) / Math.sqrt(4 + ch + BN_EPSILON);
			expect(fb[ch]).toBeCloseTo(ch / 10 + ch * s, 5);
		}
		// Depthwise kernels [3, 3, C, 1]: channel = index mod C; here every scale is exactly 2.
		const dw = weights.get('conv_dw_1/depthwise_kernel')!.data;
		const fdw = folded.get('conv_dw_1/depthwise_kernel')!.data;
		for (let i = 0; i < dw.length; i++) expect(fdw[i]).toBeCloseTo(dw[i]! * 2, 5);
		expect([...folded.keys()].some((k) => k.includes('_bn/'))).toBe(false);
		expect(countValues(folded.values())).toBe(
			[...expectedWeights(spec, true).values()].reduce(
				(s, sh) => s + sh.reduce((a, b) => a * b, 1),
				0
			)
		);
	});
});
