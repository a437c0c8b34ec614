import { describe, expect, it } from 'vitest';
import { atomAt, makeTrack, type ConvSize, type TrackKind } from '$lib/viz/conv-steps';
import { atomArithmetic, INPUT_RANGE, trackValues, WEIGHT_RANGE } from '$lib/viz/conv-values';
import { seededRandom } from '$lib/random';

describe('seeded values', () => {
	it('are the same for the same seed and differ for another', () => {
		const a = seededRandom(7);
		const b = seededRandom(7);
		const c = seededRandom(8);
		const first = [a(), a(), a()];
		expect([b(), b(), b()]).toEqual(first);
		expect([c(), c(), c()]).not.toEqual(first);
	});

	it('are small integers within their ranges', () => {
		const track = makeTrack('separable', { dk: 3, m: 4, n: 5, df: 6, stride: 1 });
		const values = trackValues(track, 1);
		const inputs = values.input.flat(2);
		expect(
			inputs.every((v) => Number.isInteger(v) && v >= INPUT_RANGE.min && v <= INPUT_RANGE.max)
		).toBe(true);
		const weights = values.weights.flatMap((w) => w.flat(3));
		expect(
			weights.every((v) => Number.isInteger(v) && v >= WEIGHT_RANGE.min && v <= WEIGHT_RANGE.max)
		).toBe(true);
		// Both ends of each range occur: the numbers are not all alike.
		expect(new Set(inputs).size).toBe(INPUT_RANGE.max - INPUT_RANGE.min + 1);
		expect(new Set(weights).size).toBe(WEIGHT_RANGE.max - WEIGHT_RANGE.min + 1);
	});
});

describe('exact outputs', () => {
	it('a 3×3 standard convolution with SAME padding, checked by hand', () => {
		const track = makeTrack('standard', { dk: 3, m: 1, n: 1, df: 3, stride: 1 });
		const values = trackValues(track, 1);
		const x = values.input[0]!;
		const k = values.weights[0]![0]![0]!;
		// Centre cell: all nine products.
		let centre = 0;
		for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) centre += x[r]![c]! * k[r]![c]!;
		expect(values.outputs[0]![0]![1]![1]).toBe(centre);
		// Corner cell (0, 0): the window starts one row and column into the padding.
		let corner = 0;
		for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) corner += x[r]![c]! * k[r + 1]![c + 1]!;
		expect(values.outputs[0]![0]![0]![0]).toBe(corner);
	});

	it('depthwise keeps channels apart; pointwise mixes them at one pixel', () => {
		const size = { dk: 3, m: 3, n: 2, df: 4, stride: 1 };
		const separable = trackValues(makeTrack('separable', size), 5);
		const depthwise = trackValues(makeTrack('depthwise', size), 5);
		// Same seed, same first phase: the separable's depthwise output is the depthwise mode's.
		expect(separable.outputs[0]).toEqual(depthwise.outputs[0]);
		const mid = separable.outputs[0]!;
		const w = separable.weights[1]!;
		for (let f = 0; f < 2; f++) {
			let sum = 0;
			for (let c = 0; c < 3; c++) sum += mid[c]![2]![1]! * w[f]![c]![0]![0]!;
			expect(separable.outputs[1]![f]![2]![1]).toBe(sum);
		}
	});

	const cases: [TrackKind, ConvSize][] = [
		['standard', { dk: 3, m: 4, n: 3, df: 5, stride: 2 }],
		['depthwise', { dk: 5, m: 3, n: 1, df: 6, stride: 1 }],
		['pointwise', { dk: 1, m: 5, n: 4, df: 3, stride: 1 }],
		['separable', { dk: 3, m: 3, n: 4, df: 5, stride: 2 }],
		['standard', { dk: 4, m: 2, n: 2, df: 5, stride: 1 }]
	];
	for (const [kind, size] of cases) {
		it(`the running sum of every ${kind} cell ends at its output ${JSON.stringify(size)}`, () => {
			const track = makeTrack(kind, size);
			const values = trackValues(track, 11);
			let completed = 0;
			for (let i = 0; i < track.totalAtoms; i++) {
				const atom = atomAt(track, i);
				const a = atomArithmetic(track, values, atom);
				expect(a.terms).toHaveLength(track.phases[atom.phase]!.dk ** 2);
				expect(a.sum).toBe(a.terms.reduce((s, t) => s + t.value * t.weight, 0));
				// Padding reads zero.
				for (const t of a.terms) if (!t.inside) expect(t.value).toBe(0);
				if (a.completesCell) {
					expect(a.running).toBe(a.result);
					completed++;
				}
			}
			const cells = track.phases.reduce((s, p) => s + p.n * p.outSize * p.outSize, 0);
			expect(completed).toBe(cells);
		});
	}
});
