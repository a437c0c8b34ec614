import { describe, expect, it } from 'vitest';
import { activate, largestTerms, outputTerms, samePadding, type ConvWeights } from '$lib/lab/patch';

/** A random map [h, w, c] and a naive convolution to check against. */
function lcg(seed: number) {
	let s = seed;
	return () => ((s = (s * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32) * 2 - 1;
}

function randomMap(h: number, w: number, c: number, seed: number) {
	const next = lcg(seed);
	return { shape: [h, w, c], data: Float32Array.from({ length: h * w * c }, next) };
}

/** Straight from the definition: out(y, x, o) = Σ in(y·s + i − pad, x·s + j − pad, c) · K. */
function naive(
	input: ReturnType<typeof randomMap>,
	w: ConvWeights,
	y: number,
	x: number,
	o: number
) {
	const [h, width, channels] = input.shape as [number, number, number];
	const [k, , kin, kout] = w.kernelShape;
	const pad = (size: number) =>
		Math.floor(Math.max((Math.ceil(size / w.stride) - 1) * w.stride + k - size, 0) / 2);
	let sum = 0;
	for (let i = 0; i < k; i++)
		for (let j = 0; j < k; j++) {
			const iy = y * w.stride + i - pad(h);
			const ix = x * w.stride + j - pad(width);
			if (iy < 0 || ix < 0 || iy >= h || ix >= width) continue;
			for (let c = 0; c < channels; c++) {
				if (w.kind === 'depthwise' && c !== o) continue;
				const weight =
					w.kind === 'depthwise'
						? w.kernel[(i * k + j) * kin + c]!
						: w.kernel[((i * k + j) * kin + c) * kout + o]!;
				sum += input.data[(iy * width + ix) * channels + c]! * weight;
			}
		}
	return activate(sum + (w.bias?.[o] ?? 0), w.activation);
}

function weights(
	kind: ConvWeights['kind'],
	k: number,
	cin: number,
	cout: number,
	stride: number
): ConvWeights {
	const next = lcg(7);
	const shape = [k, k, cin, kind === 'depthwise' ? 1 : cout] as const;
	return {
		kind,
		kernel: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, next),
		kernelShape: shape,
		bias: Float32Array.from({ length: kind === 'depthwise' ? cin : cout }, next),
		stride,
		activation: 'relu6'
	};
}

describe('patch × kernel', () => {
	it('pads as TensorFlow does: the odd pixel after the map', () => {
		expect(samePadding(112, 3, 2)).toEqual({ out: 56, before: 0 });
		expect(samePadding(224, 3, 2)).toEqual({ out: 112, before: 0 });
		expect(samePadding(7, 3, 1)).toEqual({ out: 7, before: 1 });
		expect(samePadding(7, 3, 2)).toEqual({ out: 4, before: 1 });
		expect(samePadding(28, 5, 2)).toEqual({ out: 14, before: 1 });
		expect(samePadding(14, 1, 1)).toEqual({ out: 14, before: 0 });
	});

	it('the products add up, with the bias, to the convolution’s value, at the edges too', () => {
		const input = randomMap(9, 8, 4, 3);
		for (const [kind, k, stride] of [
			['depthwise', 3, 1],
			['depthwise', 3, 2],
			['depthwise', 5, 2],
			['conv', 3, 2],
			['pointwise', 1, 1]
		] as const) {
			const w = weights(kind, k, 4, 6, stride);
			const outH = Math.ceil(9 / stride);
			const outW = Math.ceil(8 / stride);
			for (const [y, x] of [
				[0, 0],
				[outH - 1, outW - 1],
				[1, 2]
			] as const) {
				const o = kind === 'depthwise' ? 3 : 5;
				const t = outputTerms(input, w, y, x, o);
				expect(t.terms).toHaveLength(kind === 'depthwise' ? k * k : k * k * 4);
				expect(t.sum).toBeCloseTo(
					t.terms.reduce((s, term) => s + term.product, 0),
					12
				);
				expect(t.preActivation).toBeCloseTo(t.sum + w.bias![o]!, 12);
				expect(t.output).toBeCloseTo(naive(input, w, y, x, o), 6);
			}
		}
	});

	it('a depthwise output reads its own channel only; padded positions read 0', () => {
		const input = randomMap(4, 4, 3, 5);
		const t = outputTerms(input, weights('depthwise', 3, 3, 3, 1), 0, 0, 2);
		expect(new Set(t.terms.map((term) => term.channel))).toEqual(new Set([2]));
		const padded = t.terms.filter((term) => term.padded);
		expect(padded).toHaveLength(5);
		for (const term of padded) expect([term.value, term.product]).toEqual([0, 0]);
	});

	it('applies each activation the way the network does', () => {
		expect([activate(-1, 'relu6'), activate(3, 'relu6'), activate(9, 'relu6')]).toEqual([0, 3, 6]);
		expect(activate(1, 'hswish')).toBeCloseTo(2 / 3, 12);
		expect(activate(-4, 'hswish')).toBe(-0);
		expect(activate(-2.5, 'linear')).toBe(-2.5);
	});

	it('keeps the largest products of a long sum and says what the others add up to', () => {
		const input = randomMap(2, 2, 40, 9);
		const t = outputTerms(input, weights('pointwise', 1, 40, 2, 1), 1, 1, 0);
		const { shown, rest } = largestTerms(t.terms, 8);
		expect(shown).toHaveLength(8);
		expect(rest.count).toBe(32);
		expect(shown.reduce((s, term) => s + term.product, 0) + rest.sum).toBeCloseTo(t.sum, 10);
		for (let i = 1; i < shown.length; i++)
			expect(Math.abs(shown[i]!.product)).toBeLessThanOrEqual(Math.abs(shown[i - 1]!.product));
		expect(largestTerms(t.terms.slice(0, 9), 9).rest.count).toBe(0);
	});
});
