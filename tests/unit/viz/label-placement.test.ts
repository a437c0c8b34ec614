import { describe, expect, it } from 'vitest';
import { leaderEnd, overlaps, placeLabels, type Rect } from '$lib/viz/label-placement';

describe('placeLabels', () => {
	it('puts a lone label right of its point, and moves a crowded one away with a leader', () => {
		const bounds = { x: 0, y: 0, width: 300, height: 200 };
		const size = { width: 40, height: 12 };
		const [lone] = placeLabels([{ x: 100, y: 100, r: 4 }], [size], bounds);
		expect(lone).toMatchObject({ x: 108, y: 94, leader: false });
		const crowd = Array.from({ length: 9 }, (_, k) => ({
			x: 140 + (k % 3) * 8,
			y: 90 + Math.floor(k / 3) * 8,
			r: 4
		}));
		const placed = placeLabels(
			crowd,
			crowd.map(() => size),
			bounds
		);
		expect(placed.some((l) => l.leader)).toBe(true);
		placed.forEach((a, i) => placed.forEach((b, j) => i < j && expect(overlaps(a, b)).toBe(false)));
	});

	it('keeps clear of obstacles: a legend beside a point sends its label the other way', () => {
		const bounds = { x: 0, y: 0, width: 300, height: 200 };
		const size = { width: 40, height: 12 };
		const legend = { x: 106, y: 80, width: 80, height: 40 };
		const [label] = placeLabels([{ x: 100, y: 100, r: 4 }], [size], bounds, 4, [legend]);
		expect(overlaps(label as Rect, legend)).toBe(false);
		expect(label).toMatchObject({ x: 52, y: 94, leader: false });
	});

	it('ends a leader on the label edge nearest its point', () => {
		const label = { x: 120, y: 50, width: 40, height: 12 };
		expect(leaderEnd({ x: 100, y: 56 }, label)).toEqual({ x: 120, y: 56 });
		expect(leaderEnd({ x: 140, y: 100 }, label)).toEqual({ x: 140, y: 62 });
		expect(leaderEnd({ x: 200, y: 0 }, label)).toEqual({ x: 160, y: 50 });
	});
});
