import { describe, expect, it } from 'vitest';
import {
	depthwiseConvCost,
	depthwiseConvParams,
	groupCounts,
	groupedConvCost,
	groupedConvParams,
	isGroupCount,
	pointwiseConvCost,
	standardConvCost,
	standardConvParams
} from '../../../src/lib/architecture';
import { intIn } from './helpers';
import { seededRandom } from '$lib/random';

const random = seededRandom(20171204);
/** Layers whose channel counts the group count divides, as a framework would accept them. */
const cases = Array.from({ length: 200 }, () => {
	const groups = intIn(random, 1, 32);
	return {
		dk: intIn(random, 1, 7),
		m: groups * intIn(random, 1, 64),
		n: groups * intIn(random, 1, 64),
		df: intIn(random, 1, 224),
		groups
	};
});

describe('grouped convolution costs', () => {
	it('spells out D_K·D_K·(M/g)·N·D_F·D_F', () => {
		expect(groupedConvCost(3, 16, 32, 10, 4)).toBe(3 * 3 * (16 / 4) * 32 * 10 * 10);
		expect(groupedConvParams(3, 16, 32, 4)).toBe(3 * 3 * (16 / 4) * 32);
	});

	it.each(cases)('g = 1 is the standard convolution (%o)', ({ dk, m, n, df }) => {
		expect(groupedConvCost(dk, m, n, df, 1)).toBe(standardConvCost(dk, m, n, df));
		expect(groupedConvParams(dk, m, n, 1)).toBe(standardConvParams(dk, m, n));
	});

	it.each(cases)('g = M with N = M is the depthwise convolution (%o)', ({ dk, m, df }) => {
		expect(groupedConvCost(dk, m, m, df, m)).toBe(depthwiseConvCost(dk, m, df));
		expect(groupedConvParams(dk, m, m, m)).toBe(depthwiseConvParams(dk, m));
		// N = k·M: k filters per channel (TensorFlow's depth multiplier), k times the depthwise cost.
		expect(groupedConvCost(dk, m, 3 * m, df, m)).toBe(3 * depthwiseConvCost(dk, m, df));
	});

	it.each(cases)('is g standard convolutions of M/g → N/g channels side by side (%o)', (c) => {
		const { dk, m, n, df, groups } = c;
		const perGroup = standardConvCost(dk, m / groups, n / groups, df);
		expect(groupedConvCost(dk, m, n, df, groups)).toBe(groups * perGroup);
		expect(groupedConvParams(dk, m, n, groups)).toBe(
			groups * standardConvParams(dk, m / groups, n / groups)
		);
		// g times fewer than the standard layer, and D_F² mult-adds per weight.
		expect(groups * groupedConvCost(dk, m, n, df, groups)).toBe(standardConvCost(dk, m, n, df));
		expect(groupedConvCost(dk, m, n, df, groups)).toBe(
			groupedConvParams(dk, m, n, groups) * df * df
		);
	});

	it('a grouped 1×1 convolution is the pointwise cost over g', () => {
		expect(4 * groupedConvCost(1, 240, 240, 28, 4)).toBe(pointwiseConvCost(240, 240, 28));
	});

	it('refuses a group count that does not divide both channel counts', () => {
		expect(() => groupedConvCost(3, 16, 32, 10, 3)).toThrow(RangeError);
		expect(() => groupedConvCost(3, 16, 6, 10, 4)).toThrow(/4 groups/);
		expect(() => groupedConvParams(3, 16, 32, 0)).toThrow(RangeError);
		expect(() => groupedConvParams(3, 16, 32, 2.5)).toThrow(RangeError);
	});

	it('lists the group counts: the common divisors of M and N', () => {
		expect(groupCounts(8, 8)).toEqual([1, 2, 4, 8]);
		expect(groupCounts(12, 24)).toEqual([1, 2, 3, 4, 6, 12]);
		expect(groupCounts(8, 6)).toEqual([1, 2]);
		expect(groupCounts(7, 5)).toEqual([1]);
		for (const { m, n, groups } of cases) {
			const counts = groupCounts(m, n);
			expect(counts).toContain(groups);
			expect(counts.every((g) => isGroupCount(m, n, g))).toBe(true);
			const all = Array.from({ length: Math.max(m, n) }, (_, k) => k + 1);
			expect(all.filter((g) => m % g === 0 && n % g === 0)).toEqual(counts);
		}
	});
});
