import { describe, expect, it } from 'vitest';
import { makeDivisible, v1Width } from '../../../src/lib/architecture';

describe('makeDivisible (TF/Keras _make_divisible)', () => {
	it.each([
		[32, 32],
		[32 * 1.4, 48], // 44.8 → 48
		[32 * 0.35, 16], // 11.2 → 8 would lose > 10%, so 16
		[16 * 0.35, 8], // floor of one divisor
		[72 * 0.25, 24], // 18 → 16 is < 0.9·18, so 24 (an SE width of V3-Large)
		[1280 * 1.4, 1792],
		[20, 24], // ties round up: int(20 + 4) // 8 · 8
		[26, 24], // rounds down: 24 keeps more than 90% of 26
		[19.9, 24] // 16 would keep less than 90%
	])('makeDivisible(%d) = %d', (v, expected) => {
		expect(makeDivisible(v)).toBe(expected);
	});

	it('honours divisor and minimum', () => {
		expect(makeDivisible(10, 4)).toBe(12);
		expect(makeDivisible(3, 8, 16)).toBe(16);
	});

	it('returns a multiple of the divisor within 10% below (or above) v', () => {
		for (let v = 8; v < 4000; v += 0.37) {
			const r = makeDivisible(v);
			expect(r % 8).toBe(0);
			expect(r).toBeGreaterThanOrEqual(0.9 * v);
		}
	});
});

describe('v1Width', () => {
	it('truncates c·α with a floor of 8, matching the official 0.25 model', () => {
		expect(v1Width(32, 0.25)).toBe(8);
		expect(v1Width(64, 0.25)).toBe(16);
		expect(v1Width(32, 0.75)).toBe(24);
		expect(v1Width(1024, 0.75)).toBe(768);
		expect(v1Width(32, 0.1)).toBe(8);
		expect(v1Width(64, 1.3)).toBe(83);
	});
});
