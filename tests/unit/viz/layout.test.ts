import { describe, expect, it } from 'vitest';
import { makeTrack } from '$lib/viz/conv-steps';
import { at, gridPath, placeInRow, quad, stackLayout } from '$lib/viz/isometric';
import { buildFrame, buildScene } from '$lib/viz/track-scene';
import { formulaTerms } from '$lib/viz/formula';
import { formulaMacs, type TrackKind } from '$lib/viz/conv-steps';

describe('isometric stacks', () => {
	it('draws each slice as a rhombus, channel 0 on top, inside the layout box', () => {
		const layout = stackLayout({ view: 'stack', count: 4, side: 6, cell: 1, gap: 2 });
		expect(layout.slices).toHaveLength(4);
		for (const slice of layout.slices) {
			for (const [r, c] of [
				[0, 0],
				[0, 6],
				[6, 0],
				[6, 6]
			] as const) {
				const p = at(slice, r, c);
				expect(p.x).toBeGreaterThanOrEqual(-1e-9);
				expect(p.x).toBeLessThanOrEqual(layout.width + 1e-9);
				expect(p.y).toBeGreaterThanOrEqual(-1e-9);
				expect(p.y).toBeLessThanOrEqual(layout.height + 1e-9);
			}
		}
		// Rows and columns run along the two isometric axes, at ±30°.
		const s = layout.slices[0]!;
		expect(Math.atan2(s.u.y, s.u.x)).toBeCloseTo(Math.PI / 6);
		expect(Math.atan2(s.v.y, s.v.x)).toBeCloseTo((5 * Math.PI) / 6);
		expect(layout.slices[1]!.origin.y - layout.slices[0]!.origin.y).toBe(2);
	});

	it('unfolds into a near-square grid with a fixed pitch', () => {
		const layout = stackLayout({ view: 'unfolded', count: 5, side: 4, cell: 1, pitch: 5 });
		expect(layout.slices.map((s) => s.origin)).toEqual([
			{ x: 0, y: 0 },
			{ x: 5, y: 0 },
			{ x: 10, y: 0 },
			{ x: 0, y: 5 },
			{ x: 5, y: 5 }
		]);
		expect(layout.width).toBe(14);
		expect(layout.height).toBe(9);
		expect(quad(layout.slices[1]!, 0, 0, 1, 2)).toBe('5,0 7,0 7,1 5,1');
		// side − 1 inner lines each way.
		expect(gridPath(layout.slices[0]!, 4).match(/M/g)).toHaveLength(6);
	});

	it('wraps a row of boxes past the maximum width', () => {
		const boxes = [
			{ width: 10, height: 4 },
			{ width: 10, height: 8 },
			{ width: 10, height: 2 }
		];
		const one = placeInRow(boxes, 2);
		expect(one.width).toBe(34);
		expect(one.offsets[0]).toEqual({ x: 0, y: 2 });
		const wrapped = placeInRow(boxes, 2, 25);
		expect(wrapped.width).toBe(22);
		expect(wrapped.offsets[2]).toEqual({ x: 0, y: 10 });
		expect(wrapped.height).toBe(12);
	});
});

describe('track scenes and frames', () => {
	it('lays out input, filter and output per phase', () => {
		const scene = buildScene(
			makeTrack('separable', { dk: 3, m: 4, n: 8, df: 6, stride: 1 }),
			'stack'
		);
		expect(scene.items.map((i) => i.role)).toEqual([
			'input',
			'filter',
			'feature',
			'filter',
			'output'
		]);
		expect(scene.inputOf).toEqual([0, 2]);
		expect(scene.filterOf).toEqual([1, 3]);
		expect(scene.outputOf).toEqual([2, 4]);
		expect(scene.items[4]!.layout.slices).toHaveLength(8);
		// Items do not overlap.
		for (let k = 1; k < scene.items.length; k++) {
			const a = scene.items[k - 1]!;
			expect(scene.items[k]!.x).toBeGreaterThanOrEqual(a.x + a.width);
		}
	});

	it('pads narrow items so captions fit, and wraps on narrow screens', () => {
		const track = makeTrack('separable', { dk: 3, m: 4, n: 8, df: 6, stride: 1 });
		const padded = buildScene(track, 'stack', { minItemWidth: 12 });
		expect(padded.items.every((i) => i.width >= 12)).toBe(true);
		const narrow = buildScene(track, 'stack', { maxWidth: 40, minItemWidth: 10 });
		expect(narrow.width).toBeLessThanOrEqual(40);
		expect(narrow.height).toBeGreaterThan(padded.height);
	});

	it('a frame shows the atom in progress, or the one just finished on a boundary', () => {
		const track = makeTrack('standard', { dk: 3, m: 2, n: 2, df: 4, stride: 1 });
		const scene = buildScene(track, 'stack');
		expect(buildFrame(track, scene, 0).atom).toBeNull();
		const onBoundary = buildFrame(track, scene, 18);
		expect(onBoundary.macs).toBe(18);
		expect(onBoundary.atom?.index).toBe(1);
		const midway = buildFrame(track, scene, 20);
		expect(midway.macs).toBe(18);
		expect(midway.atom?.index).toBe(2);
		// Atom 2 is channel 0 of output cell (0, 1): its window is drawn strong, the other channel's faint.
		expect(midway.channel).toBe(0);
		expect(midway.windows).toHaveLength(2);
		expect(midway.windows.every((points) => points.split(' ').length === 4)).toBe(true);
		expect(midway.windows[0]).not.toBe(midway.windows[1]);
		expect(midway.filterSlices.every((points) => points.split(' ').length === 4)).toBe(true);
		expect(midway.windowColors).toHaveLength(2);
		// The current cell's window starts a row above the slice (SAME padding).
		const slice = scene.items[scene.inputOf[0]!]!.layout.slices[1]!;
		expect(midway.windows[1]).toBe(quad(slice, -1, 0, 2, 3));
		expect(midway.lines).toHaveLength(2);
		// One output cell done: one partial-row polygon on the first output slice.
		expect(midway.progress).toHaveLength(1);
		expect(midway.completed).toHaveLength(0);
		const end = buildFrame(track, scene, track.totalMacs);
		expect(end.finished).toBe(true);
		expect(end.completed).toHaveLength(2);
		expect(end.progress).toHaveLength(0);
	});

	it('a depthwise frame touches only its own channel', () => {
		const track = makeTrack('depthwise', { dk: 3, m: 4, n: 1, df: 4, stride: 1 });
		const frame = buildFrame(track, buildScene(track, 'unfolded'), 9 * 16 + 4);
		expect(frame.atom?.channel).toBe(1);
		expect(frame.atom?.filter).toBe(1);
		expect(frame.channel).toBe(1);
		expect(frame.windows.map((points) => points !== '')).toEqual([false, true, false, false]);
		expect(frame.filterSlices.map((points) => points !== '')).toEqual([false, true, false, false]);
	});
});

describe('formula line', () => {
	it('substitutes the sizes and multiplies out to the engine’s totals', () => {
		const size = { dk: 3, m: 4, n: 8, df: 7, stride: 2 };
		for (const kind of ['standard', 'depthwise', 'pointwise', 'separable'] as TrackKind[]) {
			const terms = formulaTerms(kind, size);
			expect(terms.reduce((s, t) => s + t.product, 0)).toBe(formulaMacs(kind, size));
		}
		expect(formulaTerms('standard', size)[0]).toEqual({
			symbols: ['DK', 'DK', 'M', 'N', 'DF', 'DF'],
			values: [3, 3, 4, 8, 4, 4],
			shown: ['3', '3', '4', '8', '4', '4'],
			product: 4608
		});
		// The grouped filter sees M/g channels: printed as the fraction, multiplied as its value.
		const grouped = { ...size, groups: 2 };
		expect(formulaTerms('grouped', grouped)[0]).toEqual({
			symbols: ['DK', 'DK', 'MG', 'N', 'DF', 'DF'],
			values: [3, 3, 2, 8, 4, 4],
			shown: ['3', '3', '(4/2)', '8', '4', '4'],
			product: 2304
		});
		expect(formulaTerms('grouped', grouped)[0]?.product).toBe(formulaMacs('grouped', grouped));
	});
});
