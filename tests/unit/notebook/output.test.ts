import { describe, expect, it } from 'vitest';
import {
	barItem,
	gridFromNested,
	heatmapItem,
	imageItem,
	lineItem,
	tableItem,
	OUTPUT_LIMITS
} from '$lib/notebook/output';
import { inspect, inspectAll } from '$lib/notebook/inspect';
import { colourScale, heatmapPixels, pixelZoom } from '$lib/notebook/colormap';

describe('gridFromNested', () => {
	it('reads nested arrays and rejects ragged or non-numeric ones', () => {
		expect(
			gridFromNested(
				[
					[1, 2],
					[3, 4]
				],
				'x'
			)
		).toEqual({ values: [1, 2, 3, 4], shape: [2, 2] });
		expect(() => gridFromNested([[1, 2], [3]], 'show.image')).toThrow(/ragged/);
		expect(() => gridFromNested([['a']], 'show.image')).toThrow(/expected numbers/);
		expect(() => gridFromNested(5, 'show.image')).toThrow(/show.image/);
	});
});

describe('imageItem', () => {
	it('reads [0, 1] as fractions, tolerating float noise, and greys as equal channels', () => {
		const item = imageItem({ values: [0, 0.5, 1.0000001, 1], shape: [2, 2] });
		expect(Array.from(item.rgba)).toEqual([
			0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 255, 255, 255, 255
		]);
	});

	it('reads [0, 255] as bytes and stretches anything else', () => {
		expect(
			Array.from(
				imageItem({ values: [0, 10, 200], shape: [1, 3, 1] }).rgba.filter((_, i) => i % 4 === 0)
			)
		).toEqual([0, 10, 200]);
		expect(
			Array.from(
				imageItem({ values: [-1, 0, 1], shape: [1, 3] }).rgba.filter((_, i) => i % 4 === 0)
			)
		).toEqual([0, 128, 255]);
	});

	it('takes RGB(A), drops a batch of one, and says what shape it wanted', () => {
		const rgb = imageItem({ values: [1, 0, 0], shape: [1, 1, 1, 3] }, 'red');
		expect(rgb).toMatchObject({ width: 1, height: 1, title: 'red' });
		expect(Array.from(rgb.rgba)).toEqual([255, 0, 0, 255]);
		expect(() => imageItem({ values: new Array(10).fill(0), shape: [1, 2, 5] })).toThrow(
			'show.image: expected a shape [height, width] or [height, width, 1|3|4], got [1, 2, 5]'
		);
	});
});

describe('heatmapItem', () => {
	it('splits channels-last data into one map per channel, up to the limit', () => {
		const item = heatmapItem({ values: [0, 10, 1, 11, 2, 12, 3, 13], shape: [2, 2, 2] });
		expect(item.maps.map((m) => Array.from(m))).toEqual([
			[0, 1, 2, 3],
			[10, 11, 12, 13]
		]);
		expect(item).toMatchObject({ width: 2, height: 2, channels: 2, min: 0, max: 13 });
		const many = heatmapItem({ values: new Array(40).fill(1), shape: [1, 2, 20] });
		expect(many.maps).toHaveLength(OUTPUT_LIMITS.heatmapMaps);
		expect(many.channels).toBe(20);
	});
});

describe('tables and charts', () => {
	it('tabulate rows of objects, rows of arrays, lists, objects and grids', () => {
		expect(
			tableItem([
				{ a: 1, b: 'x' },
				{ a: 2, c: true }
			])
		).toEqual({
			kind: 'table',
			columns: ['a', 'b', 'c'],
			rows: [
				[1, 'x', null],
				[2, null, true]
			],
			hiddenRows: 0
		});
		expect(tableItem([[1, [2, 3]]]).rows).toEqual([[1, '[2, 3]']]);
		expect(tableItem({ M: 32 }).rows).toEqual([['M', 32]]);
		expect(tableItem({ values: [1, 2, 3, 4], shape: [2, 2] }).rows).toEqual([
			[1, 2],
			[3, 4]
		]);
		expect(tableItem(new Array(250).fill(0)).hiddenRows).toBe(50);
	});

	it('draw line series from numbers, pairs, points or named series', () => {
		expect(lineItem([5, 6]).series).toEqual([
			{
				name: '',
				points: [
					{ x: 0, y: 5 },
					{ x: 1, y: 6 }
				]
			}
		]);
		expect(lineItem({ a: [[1, 2]], b: [{ x: 3, y: 4 }] }, { x: 'N' })).toMatchObject({
			series: [
				{ name: 'a', points: [{ x: 1, y: 2 }] },
				{ name: 'b', points: [{ x: 3, y: 4 }] }
			],
			options: { x: 'N' }
		});
		expect(() => lineItem([NaN])).toThrow(/finite numbers/);
	});

	it('draw bars from an object or pairs', () => {
		expect(barItem({ a: 1 }).bars).toEqual([{ label: 'a', value: 1 }]);
		expect(barItem([['b', 2]]).bars).toEqual([{ label: 'b', value: 2 }]);
		expect(() => barItem('nope')).toThrow(/show.bar/);
	});
});

describe('inspect', () => {
	it('prints values as a REPL does', () => {
		expect(inspect('top-level strings are raw')).toBe('top-level strings are raw');
		expect(inspectAll(['a', 1, [2, 'b'], { c: null, 'd e': undefined }])).toBe(
			`a 1 [2, "b"] { c: null, "d e": undefined }`
		);
		expect(inspect(new Map([[1, new Set([2])]]))).toBe('Map(1) {1 => Set(1) {2}}');
		expect(inspect(new Float32Array([1.5, 2]))).toBe('Float32Array(2) [1.5, 2]');
		expect(inspect(-0)).toBe('-0');
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(inspect(cyclic)).toBe('{ self: [Circular] }');
		expect(inspect(new Array(150).fill(0))).toMatch(/… 50 more\]$/);
	});
});

describe('heatmap colours', () => {
	it('use a diverging scale centred on zero for signed maps', () => {
		const scale = colourScale(-1, 3);
		expect(scale).toMatchObject({ min: -3, max: 3, diverging: true });
		const [low, zero, high] = [0, 1, 2].map((i) =>
			Array.from(heatmapPixels(new Float32Array([-3, 0, 3]), scale).slice(i * 4, i * 4 + 3))
		);
		expect(low?.[2]).toBeGreaterThan(low?.[0] ?? 0);
		expect(high?.[0]).toBeGreaterThan(high?.[2] ?? 0);
		expect(Math.min(...(zero ?? []))).toBeGreaterThan(200);
	});

	it('zoom small images to be visible and leave large ones', () => {
		expect(pixelZoom(8, 8)).toBe(8);
		expect(pixelZoom(56, 56)).toBe(2);
		expect(pixelZoom(224, 224)).toBe(1);
	});
});
