import { describe, expect, it } from 'vitest';
import {
	V1_TABLE3,
	V1_TABLE3_LAYER,
	depthwiseConvCost,
	depthwiseConvParams,
	pointwiseConvCost,
	pointwiseConvParams,
	separableConvCost,
	separableConvParams,
	separableRatio,
	standardConvCost,
	standardConvParams
} from '../../../src/lib/architecture';
import { intIn, millions, roundTo } from './helpers';
import { seededRandom } from '$lib/random';

const random = seededRandom(20170417);
const cases = Array.from({ length: 200 }, () => ({
	dk: intIn(random, 1, 7),
	m: intIn(random, 1, 2048),
	n: intIn(random, 1, 2048),
	df: intIn(random, 1, 224)
}));

describe('cost formulas (V1 paper section 3.1)', () => {
	it('spells out the products', () => {
		expect(standardConvCost(3, 16, 32, 10)).toBe(3 * 3 * 16 * 32 * 10 * 10);
		expect(depthwiseConvCost(3, 16, 10)).toBe(3 * 3 * 16 * 10 * 10);
		expect(pointwiseConvCost(16, 32, 10)).toBe(16 * 32 * 10 * 10);
	});

	it.each(cases)('separable = depthwise + pointwise (%o)', ({ dk, m, n, df }) => {
		expect(separableConvCost(dk, m, n, df)).toBe(
			depthwiseConvCost(dk, m, df) + pointwiseConvCost(m, n, df)
		);
		expect(separableConvParams(dk, m, n)).toBe(
			depthwiseConvParams(dk, m) + pointwiseConvParams(m, n)
		);
	});

	it.each(cases)(
		'the ratio is exactly separable / standard, and 1/N + 1/D_K² (%o)',
		({ dk, m, n, df }) => {
			const { numerator, denominator, value } = separableRatio(dk, n);
			// BigInt: numerator·standard can pass 2^53.
			expect(BigInt(numerator) * BigInt(standardConvCost(dk, m, n, df))).toBe(
				BigInt(denominator) * BigInt(separableConvCost(dk, m, n, df))
			);
			expect(value).toBeCloseTo(1 / n + 1 / (dk * dk), 12);
		}
	);

	it('reduces the ratio to lowest terms', () => {
		expect(separableRatio(3, 9)).toEqual({ numerator: 2, denominator: 9, value: 2 / 9 });
		expect(separableRatio(3, 512)).toEqual({
			numerator: 521,
			denominator: 4608,
			value: 521 / 4608
		});
		for (const { dk, n } of cases) {
			const { numerator, denominator } = separableRatio(dk, n);
			const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
			expect(gcd(numerator, denominator)).toBe(1);
		}
	});

	it('counts the worked example: 16 → 32 channels with 3×3 kernels', () => {
		expect(standardConvParams(3, 16, 32)).toBe(4608);
		// One 3×3 filter per input channel (144), then 16 → 32 pointwise (512). A figure of
		// 288 + 512 would need 32 depthwise filters, i.e. a depth multiplier of 2 with 32 → 32.
		expect(depthwiseConvParams(3, 16)).toBe(144);
		expect(pointwiseConvParams(16, 32)).toBe(512);
		expect(separableConvParams(3, 16, 32)).toBe(656);
	});

	it('reproduces V1 Table 3 (a 14×14×512 → 512 layer) to the printed precision', () => {
		const { dk, m, n, df } = V1_TABLE3_LAYER;
		const [standard, separable, narrow, lowRes] = V1_TABLE3;
		expect(roundTo(millions(standardConvCost(dk, m, n, df)), 0)).toBe(standard?.multAddsM);
		expect(roundTo(millions(standardConvParams(dk, m, n)), 2)).toBe(standard?.paramsM);
		expect(roundTo(millions(separableConvCost(dk, m, n, df)), 1)).toBe(separable?.multAddsM);
		expect(roundTo(millions(separableConvParams(dk, m, n)), 2)).toBe(separable?.paramsM);
		const w = m * 0.75;
		expect(roundTo(millions(separableConvCost(dk, w, w, df)), 1)).toBe(narrow?.multAddsM);
		expect(roundTo(millions(separableConvParams(dk, w, w)), 2)).toBe(narrow?.paramsM);
		const small = Math.round(df * 0.714); // ρ = 0.714 maps 14 to 10
		expect(small).toBe(10);
		expect(roundTo(millions(separableConvCost(dk, w, w, small)), 1)).toBe(lowRes?.multAddsM);
		expect(roundTo(millions(separableConvParams(dk, w, w)), 2)).toBe(lowRes?.paramsM);
		// Exact values, for the lessons' "computed" column.
		expect(standardConvCost(dk, m, n, df)).toBe(462_422_016);
		expect(separableConvCost(dk, m, n, df)).toBe(52_283_392);
	});
});
