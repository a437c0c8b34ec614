import { scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import { logTicks } from '$lib/viz/log-ticks';

describe('logTicks', () => {
	const scale = scaleLog().domain([0.1, 200]);

	it('keeps d3’s ticks with the leading digits asked for', () => {
		expect(logTicks(scale, [1, 2, 5])).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200]);
		expect(logTicks(scale, [1])).toEqual([0.1, 1, 10, 100]);
	});

	it('falls back to every d3 tick when too few are left', () => {
		const narrow = scaleLog().domain([12, 45]);
		expect(logTicks(narrow, [1, 2, 3, 5], 3)).toEqual(narrow.ticks(10));
		expect(logTicks(narrow, [1, 2, 3, 5])).toEqual([20, 30]);
	});
});
