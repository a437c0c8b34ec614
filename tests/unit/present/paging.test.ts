import { describe, expect, it } from 'vitest';
import { pageOf, pageRanges, pageStarts } from '$lib/present/paging';

const rows = (count: number, height = 30) => Array.from({ length: count }, () => height);

describe('pageStarts', () => {
	it('keeps a table that fits on one page', () => {
		expect(pageStarts(rows(10), 300)).toEqual([0]);
		expect(pageStarts([], 300)).toEqual([0]);
	});

	it('splits as evenly as the fewest pages allow', () => {
		// 21 rows of 30 on pages of 360 (12 rows) need two pages: 11 and 10, not 12 and 9.
		expect(pageStarts(rows(21), 360)).toEqual([0, 11]);
		// 25 rows on pages of 12 need three, of at most 9.
		expect(pageStarts(rows(25), 360)).toEqual([0, 9, 18]);
	});

	it('never puts more on a page than fits', () => {
		const heights = [40, 30, 30, 60, 30, 30, 30, 45, 30, 30, 30, 30, 50];
		const available = 150;
		const starts = pageStarts(heights, available);
		starts.forEach((start, k) => {
			const page = heights.slice(start, starts[k + 1] ?? heights.length);
			expect(page.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(available + 0.5);
		});
		expect(starts.length).toBe(4);
	});

	it('tolerates sub-pixel rounding of measured heights', () => {
		expect(pageStarts(rows(12, 30.02), 360)).toEqual([0]);
	});

	it('gives a row taller than a page a page of its own', () => {
		expect(pageStarts([30, 500, 30], 100)).toEqual([0, 1, 2]);
	});
});

describe('pageRanges and pageOf', () => {
	it('names pages by their rows, 1-based', () => {
		expect(pageRanges([0, 11], 21)).toEqual([
			{ first: 1, last: 11 },
			{ first: 12, last: 21 }
		]);
		expect(pageRanges([0], 0)).toEqual([{ first: 1, last: 0 }]);
	});

	it('finds the page that holds a row', () => {
		expect(pageOf([0, 11], 0)).toBe(0);
		expect(pageOf([0, 11], 10)).toBe(0);
		expect(pageOf([0, 11], 11)).toBe(1);
		expect(pageOf([0, 9, 17], 20)).toBe(2);
	});
});
