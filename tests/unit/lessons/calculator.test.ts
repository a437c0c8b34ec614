import { describe, expect, it } from 'vitest';
import { derive, LIMITS, parseDimension } from '$lib/lessons/calculator';

describe('cost calculator', () => {
	it('parses whole numbers in range and says what is wrong otherwise', () => {
		expect(parseDimension(' 32 ', 'n')).toEqual({ ok: true, value: 32 });
		expect(parseDimension('', 'n')).toMatchObject({ ok: false, problem: 'empty' });
		expect(parseDimension('2.5', 'dk')).toMatchObject({ ok: false, problem: 'not-integer' });
		expect(parseDimension('abc', 'm')).toMatchObject({ ok: false, problem: 'not-integer' });
		expect(parseDimension('0', 'df')).toMatchObject({ ok: false, problem: 'too-small', min: 1 });
		expect(parseDimension(String(LIMITS.m.max + 1), 'm')).toMatchObject({
			ok: false,
			problem: 'too-large',
			max: LIMITS.m.max
		});
	});

	it('derives the V1 paper numbers for the 16 → 32 example', () => {
		const d = derive({ dk: 3, m: 16, n: 32, df: 56 });
		expect(d.params).toEqual({ standard: 4608, depthwise: 144, pointwise: 512, separable: 656 });
		expect(d.standard).toBe(3 * 3 * 16 * 32 * 56 * 56);
		expect(d.depthwise).toBe(3 * 3 * 16 * 56 * 56);
		expect(d.pointwise).toBe(16 * 32 * 56 * 56);
		expect(d.separable).toBe(d.depthwise + d.pointwise);
		expect(d.fraction).toEqual({ numerator: 41, denominator: 288 });
	});

	it('splits the ratio into 1/N + 1/D_K², for any sizes', () => {
		for (const [dk, m, n, df] of [
			[3, 512, 512, 14],
			[5, 7, 3, 9],
			[1, 1, 1, 1],
			[7, 1024, 13, 112]
		] as const) {
			const d = derive({ dk, m, n, df });
			expect(d.depthwiseTerm).toBeCloseTo(1 / n, 12);
			expect(d.pointwiseTerm).toBeCloseTo(1 / (dk * dk), 12);
			expect(d.ratio).toBeCloseTo(1 / n + 1 / (dk * dk), 12);
			expect(d.fraction.numerator / d.fraction.denominator).toBeCloseTo(d.ratio, 12);
			expect(d.speedup).toBeCloseTo(1 / d.ratio, 9);
		}
	});

	it('keeps exact integers at the largest allowed sizes', () => {
		const d = derive({ dk: LIMITS.dk.max, m: LIMITS.m.max, n: LIMITS.n.max, df: LIMITS.df.max });
		expect(Number.isSafeInteger(d.standard)).toBe(true);
	});
});
