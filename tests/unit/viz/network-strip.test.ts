import { describe, expect, it } from 'vitest';
import { buildSpec } from '$lib/architecture';
import { colourLut } from '$lib/viz/feature-maps';
import {
	DEFAULT_STRIP_OPTIONS,
	STRIP_ROWS,
	channelScores,
	feedOf,
	pickChannels,
	pixelsAsMap,
	renderStrip,
	stripLayout,
	tileSide,
	topChannels,
	type StripLayer
} from '$lib/viz/network-strip';

const v1 = buildSpec({ version: 'v1', alpha: 0.25, resolution: 224 });
const v2 = buildSpec({ version: 'v2', alpha: 1, resolution: 224 });
const v3 = buildSpec({ version: 'v3-large', alpha: 1, resolution: 224 });

/** A map whose channel c is worth c everywhere, except `hot`, which is worth 100. */
function mapOf(layer: StripLayer, hot: number[] = []) {
	const [h, w, c] = layer.output;
	const data = new Float32Array(h * w * c);
	for (let p = 0; p < h * w; p++)
		for (let k = 0; k < c; k++) data[p * c + k] = hot.includes(k) ? 100 : k % 7;
	return { shape: [h, w, c], data };
}

describe('channels shown', () => {
	it('ranks channels by their mean absolute value, ties to the lower index', () => {
		expect(topChannels([1, 5, 5, -9, 0], 3)).toEqual([1, 2, 0]);
		const map = {
			shape: [2, 2, 3],
			data: Float32Array.from([1, -4, 0, 1, -4, 0, 1, -4, 2, 1, -4, 2])
		};
		expect([...channelScores(map, 2)]).toEqual([1, 4, 1]);
	});

	it('a layer fed by all its input picks its own; one fed channel by channel keeps its source’s', () => {
		const picks = pickChannels(v1.layers, (layer) =>
			channelScores(mapOf(layer, layer.name === 'conv_pw_1' ? [9, 3] : [2]), 8)
		);
		// Most active first: the two hot channels, then the largest of the rest (6 at 6, 13…).
		expect(picks.get('conv_pw_1')!.slice(0, 2)).toEqual([3, 9]);
		expect(picks.get('conv_dw_2')).toEqual(picks.get('conv_pw_1'));
		expect(picks.get('conv_dw_1')).toEqual(picks.get('conv1'));
		expect(picks.get('conv_pw_2')![0]).toBe(2);
		// The pool keeps the last pointwise layer's channels; the classifier shows classes instead.
		expect(picks.get('global_average_pooling2d_1')).toEqual(picks.get('conv_pw_13'));
		expect(picks.get('conv_preds')).toEqual([]);
		for (const layer of v1.layers.slice(0, -1))
			expect(picks.get(layer.name)).toHaveLength(STRIP_ROWS);
	});

	it('before any image: the first channels, still continued straight through depthwise layers', () => {
		const picks = pickChannels(v2.layers, () => null);
		expect(picks.get('block_3_expand')).toEqual([0, 1, 2, 3]);
		expect(picks.get('block_3_depthwise')).toEqual([0, 1, 2, 3]);
		// A residual add continues the projection just before it.
		expect(picks.get('block_4_add')).toEqual(picks.get('block_4_project'));
	});
});

describe('strip layout', () => {
	it('one column per layer in order, after the input, with the blocks as the lessons number them', () => {
		for (const spec of [v1, v2, v3]) {
			const layout = stripLayout(
				spec.layers,
				pickChannels(spec.layers, () => null)
			);
			expect(layout.columns.map((c) => c.name)).toEqual([null, ...spec.layers.map((l) => l.name)]);
			const xs = layout.columns.map((c) => c.x);
			expect(xs).toEqual([...xs].sort((a, b) => a - b));
			expect(layout.blocks.map((b) => b.block)).toEqual([
				...new Set(spec.layers.map((l) => l.block))
			]);
			expect(layout.width).toBe(layout.columns.at(-1)!.x + layout.columns.at(-1)!.width);
		}
	});

	it('tiles shrink with the map: 112 px the largest, every halving one step smaller', () => {
		const sides = [224, 112, 56, 28, 14, 7].map((s) => tileSide(s, 40));
		expect(sides[0]).toBe(40);
		expect(sides[1]).toBe(40);
		for (let i = 2; i < sides.length; i++) expect(sides[i]!).toBeLessThan(sides[i - 1]!);
		const layout = stripLayout(
			v1.layers,
			pickChannels(v1.layers, () => null)
		);
		const column = (name: string) => layout.columns.find((c) => c.name === name)!;
		expect(column('conv1').tile).toBeGreaterThan(column('conv_pw_13').tile);
		expect(column('global_average_pooling2d_1').look).toBe('vector');
		expect(column('conv_preds').look).toBe('classes');
	});

	it('edges: a depthwise channel from one input channel, a pointwise channel from all', () => {
		const picks = pickChannels(v1.layers, () => null);
		const layout = stripLayout(v1.layers, picks);
		const column = (name: string) => layout.columns.find((c) => c.name === name)!;
		const into = (name: string) =>
			layout.edges.filter(
				(e) =>
					Math.abs(e.to.x - (column(name).x + column(name).width / 2)) <= 30 &&
					e.to.x > column(name).x - 1 &&
					e.to.x < column(name).x + column(name).width
			);
		const dw = into('conv_dw_2');
		expect(dw.every((e) => e.kind === 'one')).toBe(true);
		expect(dw).toHaveLength(STRIP_ROWS);
		// Straight across: each depthwise tile sits in the row of the channel that feeds it.
		for (const e of dw) expect(e.from.y).toBe(e.to.y);
		const pw = into('conv_pw_2');
		expect(pw.every((e) => e.kind === 'all')).toBe(true);
		expect(pw).toHaveLength(STRIP_ROWS * STRIP_ROWS);
		// The stem reads the input's three colour channels, all of them.
		expect(into('conv1').filter((e) => e.kind === 'all')).toHaveLength(3 * STRIP_ROWS);
		expect(feedOf('depthwise')).toBe('one');
		expect(feedOf('pointwise')).toBe('all');
	});

	it('a residual add also gets its skipped input over the top', () => {
		const layout = stripLayout(
			v2.layers,
			pickChannels(v2.layers, () => null)
		);
		const skips = layout.edges.filter((e) => e.kind === 'skip');
		const adds = v2.layers.filter((l) => l.kind === 'add');
		expect(skips).toHaveLength(adds.length);
		for (const skip of skips) expect(skip.from.x).toBeLessThan(skip.to.x);
	});
});

describe('strip pixels', () => {
	it('paints each tile from its channel, nothing where there is no map', () => {
		const layers = v1.layers.slice(0, 3);
		const picks = pickChannels(layers, () => null);
		const layout = stripLayout(layers, picks, { ...DEFAULT_STRIP_OPTIONS, pitch: 40 });
		const lut = colourLut('gray');
		const maps = new Map(layers.map((l) => [l.name, mapOf(l)]));
		const { width, height, data } = renderStrip(
			layout,
			(c) => (c.name ? maps.get(c.name)! : null),
			lut
		);
		expect(width).toBe(Math.ceil(layout.width));
		expect(data.length).toBe(width * height * 4);
		const alphaAt = (x: number, y: number) => data[(Math.round(y) * width + Math.round(x)) * 4 + 3];
		const conv1 = layout.columns[1]!;
		// A tile's centre is painted; the input column (no map given) is not.
		expect(alphaAt(conv1.x + conv1.width / 2, conv1.rows[0]!)).toBe(255);
		const input = layout.columns[0]!;
		expect(alphaAt(input.x + input.width / 2, input.rows[0]!)).toBe(0);
		// A flat channel (worth its index everywhere) takes the low end of the map on its own scale.
		const grey =
			data[(Math.round(conv1.rows[0]!) * width + Math.round(conv1.x + conv1.width / 2)) * 4];
		expect(grey).toBe(0);
	});

	it('turns RGBA pixels into a three-channel map', () => {
		const map = pixelsAsMap({
			data: Uint8ClampedArray.from([1, 2, 3, 255, 4, 5, 6, 255]),
			width: 2,
			height: 1
		});
		expect(map.shape).toEqual([1, 2, 3]);
		expect([...map.data]).toEqual([1, 2, 3, 4, 5, 6]);
	});
});
