/**
 * The whole network as one strip: a column per layer holding a few of its channels, sized by
 * the map's side (224 → 7 shrinks as the eye moves right), with edges that show how each layer
 * is fed. A depthwise channel is fed by one input channel, the one with its own index, so its
 * tiles continue the previous column's row for row; a pointwise (or standard) channel is fed by
 * every input channel, so its tiles get an edge from every tile before them.
 *
 * Pure: geometry, the channels shown and the pixels, from the spec and the activations of the
 * pass the lab has already read. The component draws the pixels on one canvas and the edges in
 * SVG. Every value is sampled the way the tiles show it (nearest neighbour), so a large map costs
 * the tile's pixels, not the map's.
 */
import type { LayerKind, LayerSpec, Shape } from '$lib/architecture';
import { mapSize, packedLut, sampling, type FeatureMap, type Range } from './feature-maps';

export type StripLayer = Pick<LayerSpec, 'name' | 'kind' | 'block' | 'inputs' | 'input' | 'output'>;

/** Channels shown per column. */
export const STRIP_ROWS = 4;
/** Rows of the class-score column: the top five. */
export const CLASS_ROWS = 5;

/** Each output channel reads one input channel (the same index) or all of them. */
export type Feed = 'one' | 'all';

export function feedOf(kind: LayerKind): Feed {
	return kind === 'conv' || kind === 'pointwise' || kind === 'fc' ? 'all' : 'one';
}

/** How a column draws its layer: channel maps, a vector on one scale, or named class scores. */
export type Look = 'maps' | 'vector' | 'classes';

export function lookOf(layer: Pick<StripLayer, 'kind' | 'output'>): Look {
	if (layer.kind === 'fc') return 'classes';
	return layer.output[0] === 1 && layer.output[1] === 1 ? 'vector' : 'maps';
}

/**
 * The producer a layer's channels come from: the column just before it when it reads that one,
 * else its first input; null for the network input.
 */
export function sourceOf(layer: StripLayer, previous: string | null): string | null {
	if (previous !== null && layer.inputs.includes(previous)) return previous;
	return layer.inputs[0] ?? null;
}

/**
 * Indices of the `count` largest scores, largest first (ties to the lower index). One pass that
 * keeps the best few in order: a layer has up to 1,280 channels and the strip wants four.
 */
export function topChannels(scores: ArrayLike<number>, count: number): number[] {
	const best: number[] = [];
	for (let i = 0; i < scores.length; i++) {
		const v = scores[i]!;
		if (best.length === count && !(v > scores[best[count - 1]!]!)) continue;
		let at = best.length;
		while (at > 0 && v > scores[best[at - 1]!]!) at--;
		best.splice(at, 0, i);
		if (best.length > count) best.pop();
	}
	return best;
}

/** Positions along each side that rank a layer's channels: a coarse grid is enough to rank. */
export const SCORE_SAMPLES = 8;

/**
 * Mean absolute value of each channel over an evenly spread grid of at most `samples` × `samples`
 * pixels: how active the channel is on this image. Walks those pixels in memory order, where all
 * channels of a pixel are neighbours.
 */
export function channelScores(map: FeatureMap, samples = SCORE_SAMPLES): Float64Array {
	const { height, width, channels } = mapSize(map);
	const rows = sampling(Math.min(samples, height), height).used;
	const cols = sampling(Math.min(samples, width), width).used;
	const sums = new Float64Array(channels);
	const { data } = map;
	for (let r = 0; r < rows.length; r++) {
		for (let q = 0; q < cols.length; q++) {
			const base = (rows[r]! * width + cols[q]!) * channels;
			for (let c = 0; c < channels; c++) {
				const v = data[base + c]!;
				sums[c]! += v < 0 ? -v : v;
			}
		}
	}
	const n = rows.length * cols.length;
	for (let c = 0; c < channels; c++) sums[c]! /= n;
	return sums;
}

/**
 * The channels each column shows. A layer fed by all of its input picks its most active
 * channels (lowest indices before any image); one fed channel by channel shows the channels its
 * source shows, in the same rows, so the edges between them run straight.
 */
export function pickChannels(
	layers: readonly StripLayer[],
	scores: (layer: StripLayer) => ArrayLike<number> | null,
	rows = STRIP_ROWS
): Map<string, number[]> {
	const picks = new Map<string, number[]>();
	let previous: string | null = null;
	for (const layer of layers) {
		const channels = layer.output[2];
		const source = sourceOf(layer, previous);
		const inherited = source === null ? null : picks.get(source);
		if (lookOf(layer) === 'classes') {
			picks.set(layer.name, []);
		} else if (feedOf(layer.kind) === 'one' && inherited) {
			picks.set(
				layer.name,
				inherited.filter((c) => c < channels)
			);
		} else {
			const s = scores(layer);
			const count = Math.min(rows, channels);
			picks.set(layer.name, s ? topChannels(s, count) : Array.from({ length: count }, (_, i) => i));
		}
		previous = layer.name;
	}
	return picks;
}

export interface StripOptions {
	/** Channels shown per column (pickChannels must pick as many). */
	rows: number;
	/** Distance between column centres, px (at least the touch target on a phone). */
	pitch: number;
	/** Width of the class-score column, px. */
	classWidth: number;
	/** Side of the input's tiles and the header above the tiles, px. */
	header: number;
	/** Below the tiles: the kind bar. */
	footer: number;
	/** Width of a vector column's bar, px. */
	vectorWidth: number;
}

export const DEFAULT_STRIP_OPTIONS: StripOptions = {
	rows: STRIP_ROWS,
	pitch: 44,
	classWidth: 150,
	header: 34,
	footer: 10,
	vectorWidth: 12
};

export interface StripColumn {
	/** Spec name; null for the network's input. */
	name: string | null;
	kind: LayerKind | 'input';
	block: string;
	look: Look;
	output: Shape;
	x: number;
	width: number;
	/** Side of this column's tiles, px (maps). */
	tile: number;
	/** Channel shown in each row (maps), or marked on the vector (vector). */
	channels: number[];
	/** Vertical centre of each row: of a tile, a vector mark, or a class. */
	rows: number[];
}

export interface StripEdge {
	from: { x: number; y: number };
	to: { x: number; y: number };
	kind: Feed | 'skip';
}

export interface StripBlock {
	block: string;
	x: number;
	width: number;
}

export interface StripLayout {
	columns: StripColumn[];
	edges: StripEdge[];
	blocks: StripBlock[];
	width: number;
	height: number;
	/** Top and bottom of the tile area. */
	top: number;
	bottom: number;
}

/** The largest tile a column of `pitch` holds. */
export function maxTile(pitch: number): number {
	return Math.max(8, Math.min(44, pitch - 6));
}

/**
 * Side of a tile for a map of `size` pixels: the largest tile for 112 px and more, shrinking with
 * log₂ of the size, so that every halving of the map is the same visible step.
 */
export function tileSide(size: number, largest: number): number {
	const share = 0.3 + (0.7 * Math.log2(Math.max(1, size) / 4)) / Math.log2(112 / 4);
	return Math.round(largest * Math.min(1, Math.max(0.3, share)));
}

/**
 * Columns, rows and edges for `layers` (spec order) with the channels `picks` chose, and one
 * column before them for the network's input (three rows: R, G, B).
 */
export function stripLayout(
	layers: readonly StripLayer[],
	picks: ReadonlyMap<string, readonly number[]>,
	options: StripOptions = DEFAULT_STRIP_OPTIONS
): StripLayout {
	const largest = maxTile(options.pitch);
	const rowPitch = largest + 4;
	const top = options.header;
	const tilesHeight = rowPitch * options.rows;
	const bottom = top + tilesHeight;
	const rowY = (i: number) => top + rowPitch * (i + 0.5);
	const first = layers[0];
	const resolution = first?.input[0] ?? 0;

	const input: StripColumn = {
		name: null,
		kind: 'input',
		block: first?.block ?? '',
		look: 'maps',
		output: [resolution, resolution, 3],
		x: 0,
		width: options.pitch,
		tile: tileSide(resolution, largest),
		channels: [0, 1, 2],
		rows: [0, 1, 2].map(rowY)
	};
	const columns: StripColumn[] = [input];
	const byName = new Map<string, StripColumn>();
	let x = options.pitch;
	for (const layer of layers) {
		const look = lookOf(layer);
		const width = look === 'classes' ? options.classWidth : options.pitch;
		const channels = [...(picks.get(layer.name) ?? [])];
		const count = layer.output[2];
		const rows =
			look === 'maps'
				? channels.map((_, i) => rowY(i))
				: look === 'vector'
					? channels.map((c) => top + ((c + 0.5) / count) * tilesHeight)
					: Array.from(
							{ length: CLASS_ROWS },
							(_, i) => top + (tilesHeight * (i + 0.5)) / CLASS_ROWS
						);
		const column: StripColumn = {
			name: layer.name,
			kind: layer.kind,
			block: layer.block,
			look,
			output: layer.output,
			x,
			width,
			tile: look === 'maps' ? tileSide(layer.output[0], largest) : 0,
			channels,
			rows
		};
		columns.push(column);
		byName.set(layer.name, column);
		x += width;
	}

	const edges: StripEdge[] = [];
	const right = (c: StripColumn) => c.x + c.width / 2 + edgeInset(c, options);
	const left = (c: StripColumn) => c.x + c.width / 2 - edgeInset(c, options);
	let previous: string | null = null;
	for (const layer of layers) {
		const to = byName.get(layer.name)!;
		const sourceName = sourceOf(layer, previous);
		const from = sourceName === null ? input : byName.get(sourceName);
		if (from) {
			if (feedOf(layer.kind) === 'all') {
				for (const y1 of from.rows)
					for (const y2 of to.rows)
						edges.push({
							from: { x: right(from), y: y1 },
							to: { x: left(to), y: y2 },
							kind: 'all'
						});
			} else {
				to.channels.forEach((channel, i) => {
					const row = from.channels.indexOf(channel);
					if (row < 0) return;
					edges.push({
						from: { x: right(from), y: from.rows[row]! },
						to: { x: left(to), y: to.rows[i]! },
						kind: 'one'
					});
				});
			}
		}
		// A residual add's other input arrives over the top of the columns in between.
		for (const other of layer.inputs) {
			const skipped = other === sourceName ? undefined : byName.get(other);
			if (skipped)
				edges.push({
					from: { x: skipped.x + skipped.width / 2, y: top },
					to: { x: to.x + to.width / 2, y: top },
					kind: 'skip'
				});
		}
		previous = layer.name;
	}

	const blocks: StripBlock[] = [];
	for (const column of columns.slice(1)) {
		const last = blocks.at(-1);
		if (last && last.block === column.block) last.width = column.x + column.width - last.x;
		else blocks.push({ block: column.block, x: column.x, width: column.width });
	}
	return {
		columns,
		edges,
		blocks,
		width: x,
		height: bottom + options.footer,
		top,
		bottom
	};
}

/** How far from a column's centre its edges start and end: the tile's edge, or the bar's. */
function edgeInset(column: StripColumn, options: StripOptions): number {
	if (column.look === 'vector') return options.vectorWidth / 2;
	if (column.look === 'classes') return column.width / 2;
	return column.tile / 2;
}

/** One value per channel of a 1×1 layer, on the layer's own scale, as a bar of `height` pixels. */
function vectorRows(values: Float32Array, channels: number, height: number): Float32Array {
	const rows = new Float32Array(height);
	for (let y = 0; y < height; y++) {
		const start = Math.floor((y * channels) / height);
		const end = Math.max(start + 1, Math.floor(((y + 1) * channels) / height));
		// The largest of the channels a pixel row stands for: peaks stay visible.
		let best = -Infinity;
		for (let c = start; c < end; c++) best = Math.max(best, values[c]!);
		rows[y] = best;
	}
	return rows;
}

export interface StripPixels {
	width: number;
	height: number;
	data: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * RGBA of every tile and vector bar (transparent elsewhere), from the layers' outputs: each tile
 * on its own channel's sampled range, or on `shared` when given. Columns without a map stay empty.
 * `target`, the pixels of a previous call, is written again when it has the right size.
 */
export function renderStrip(
	layout: StripLayout,
	mapOf: (column: StripColumn) => FeatureMap | null,
	lut: Uint8ClampedArray,
	options: { vectorWidth: number; shared?: Range | null } = DEFAULT_STRIP_OPTIONS,
	target?: Uint8ClampedArray<ArrayBuffer>
): StripPixels {
	const width = Math.ceil(layout.width);
	const height = Math.ceil(layout.height);
	const size = width * height * 4;
	const out = target?.length === size ? target : new Uint8ClampedArray(size);
	const pixels = new Uint32Array(out.buffer, out.byteOffset, size / 4);
	pixels.fill(0);
	const colours = packedLut(lut);
	/** The colour of each sampled value of a tile, before the tile is filled by copying them. */
	let coloured = new Uint32Array(0);

	for (const column of layout.columns) {
		const map = mapOf(column);
		if (!map) continue;
		const { height: h, width: w, channels } = mapSize(map);
		if (column.look === 'maps') {
			const t = column.tile;
			const rows = sampling(t, h);
			const cols = sampling(t, w);
			const stride = cols.used.length;
			const count = rows.used.length * stride;
			if (coloured.length < count) coloured = new Uint32Array(count);
			const ox = Math.round(column.x + (column.width - t) / 2);
			column.channels.forEach((channel, i) => {
				const oy = Math.round(column.rows[i]! - t / 2);
				let lo = Infinity;
				let hi = -Infinity;
				if (options.shared) {
					lo = options.shared.min;
					hi = options.shared.max;
				} else {
					for (let r = 0; r < rows.used.length; r++) {
						const base = rows.used[r]! * w;
						for (let q = 0; q < stride; q++) {
							const v = map.data[(base + cols.used[q]!) * channels + channel]!;
							if (v < lo) lo = v;
							if (v > hi) hi = v;
						}
					}
				}
				const scale = hi > lo ? 255 / (hi - lo) : 0;
				for (let r = 0; r < rows.used.length; r++) {
					const base = rows.used[r]! * w;
					for (let q = 0; q < stride; q++) {
						const v = map.data[(base + cols.used[q]!) * channels + channel]!;
						const k = Math.round((v - lo) * scale);
						coloured[r * stride + q] = colours[k < 0 ? 0 : k > 255 ? 255 : k]!;
					}
				}
				for (let py = 0; py < t; py++) {
					const row = rows.slot[py]! * stride;
					const o = (oy + py) * width + ox;
					for (let px = 0; px < t; px++) pixels[o + px] = coloured[row + cols.slot[px]!]!;
				}
			});
		} else if (column.look === 'vector') {
			const bar = Math.round(layout.bottom - layout.top);
			const values = vectorRows(map.data, channels, bar);
			let lo = Infinity;
			let hi = -Infinity;
			for (let c = 0; c < channels; c++) {
				lo = Math.min(lo, map.data[c]!);
				hi = Math.max(hi, map.data[c]!);
			}
			const scale = hi > lo ? 255 / (hi - lo) : 0;
			const ox = Math.round(column.x + (column.width - options.vectorWidth) / 2);
			for (let py = 0; py < bar; py++) {
				const c = colours[Math.round((values[py]! - lo) * scale)]!;
				const o = (Math.round(layout.top) + py) * width + ox;
				pixels.fill(c, o, o + options.vectorWidth);
			}
		}
	}
	return { width, height, data: out };
}

/** An image's pixels (RGBA bytes) as a 3-channel map, for the input column. */
export function pixelsAsMap(pixels: {
	data: ArrayLike<number>;
	width: number;
	height: number;
}): FeatureMap {
	const { width, height } = pixels;
	const data = new Float32Array(width * height * 3);
	for (let p = 0; p < width * height; p++) {
		data[p * 3] = pixels.data[p * 4]!;
		data[p * 3 + 1] = pixels.data[p * 4 + 1]!;
		data[p * 3 + 2] = pixels.data[p * 4 + 2]!;
	}
	return { shape: [height, width, 3], data };
}
