/**
 * Pixels for the lab's feature-map grids: one small image per channel of a layer's output,
 * normalised per channel or per layer, through a perceptual colour map. Pure (no DOM): the
 * component only puts the returned RGBA into a canvas.
 */
import { interpolateInferno, interpolateViridis, rgb } from 'd3';

/** A layer's output, channels last: value (y, x, c) at (y·width + x)·channels + c. */
export interface FeatureMap {
	readonly shape: readonly number[];
	readonly data: Float32Array;
}

export type ColourMapName = 'viridis' | 'inferno' | 'gray';
export const COLOUR_MAPS: readonly ColourMapName[] = ['viridis', 'inferno', 'gray'];

export type Normalisation = 'channel' | 'layer';

export interface Range {
	min: number;
	max: number;
}

/** 256 RGB entries of a colour map, low to high. */
export function colourLut(name: ColourMapName): Uint8ClampedArray {
	const lut = new Uint8ClampedArray(256 * 3);
	for (let i = 0; i < 256; i++) {
		const t = i / 255;
		const c =
			name === 'gray'
				? { r: i, g: i, b: i }
				: rgb(name === 'viridis' ? interpolateViridis(t) : interpolateInferno(t));
		lut[i * 3] = c.r;
		lut[i * 3 + 1] = c.g;
		lut[i * 3 + 2] = c.b;
	}
	return lut;
}

/** CSS gradient stops for a legend of the colour map. */
export function legendGradient(lut: Uint8ClampedArray, stops = 8): string {
	const parts: string[] = [];
	for (let s = 0; s <= stops; s++) {
		const i = Math.round((s / stops) * 255) * 3;
		parts.push(`rgb(${lut[i]} ${lut[i + 1]} ${lut[i + 2]}) ${((s / stops) * 100).toFixed(1)}%`);
	}
	return `linear-gradient(to right, ${parts.join(', ')})`;
}

export function mapSize(map: FeatureMap): { height: number; width: number; channels: number } {
	const [height = 1, width = 1, channels = 1] =
		map.shape.length === 3 ? map.shape : [1, 1, map.shape[0]];
	return { height, width, channels };
}

/** The range each channel is coloured over: its own min…max, or the whole layer's. */
export function channelRanges(map: FeatureMap, mode: Normalisation): Range[] {
	const { channels } = mapSize(map);
	const { data } = map;
	// Typed arrays and a pixel-then-channel walk: no modulo, no object per value.
	const mins = new Float64Array(channels).fill(Infinity);
	const maxs = new Float64Array(channels).fill(-Infinity);
	for (let p = 0; p < data.length; p += channels) {
		for (let c = 0; c < channels; c++) {
			const v = data[p + c]!;
			if (v < mins[c]!) mins[c] = v;
			if (v > maxs[c]!) maxs[c] = v;
		}
	}
	if (mode === 'layer') {
		let min = Infinity;
		let max = -Infinity;
		for (let c = 0; c < channels; c++) {
			min = Math.min(min, mins[c]!);
			max = Math.max(max, maxs[c]!);
		}
		return Array.from({ length: channels }, () => ({ min, max }));
	}
	return Array.from({ length: channels }, (_, c) => ({ min: mins[c]!, max: maxs[c]! }));
}

/** 0…255 index into the colour map; a flat range maps to the low end. */
export function lutIndex(value: number, range: Range): number {
	const span = range.max - range.min;
	if (!(span > 0)) return 0;
	return Math.max(0, Math.min(255, Math.round(((value - range.min) / span) * 255)));
}

/** Widest the lab draws a layer's grid, in canvas pixels (CSS scales it down on narrow screens). */
export const GRID_WIDTH = 720;

export interface GridLayout {
	channels: number;
	cols: number;
	rows: number;
	/** Size of one channel's cell in canvas pixels (the map scaled, nearest neighbour). */
	cellWidth: number;
	cellHeight: number;
	gap: number;
	width: number;
	height: number;
}

/**
 * Lays out `channels` maps of mapWidth×mapHeight in a grid at most maxWidth wide: as many
 * columns as make the grid roughly square in cells, cells scaled up to at most maxCell pixels
 * but never below 2 px (so 1024 channels of 1×1 still show).
 */
export function gridLayout(
	channels: number,
	mapWidth: number,
	mapHeight: number,
	maxWidth: number,
	gap = 1,
	maxCell = 96
): GridLayout {
	const n = Math.max(1, channels);
	let cols = Math.max(1, Math.ceil(Math.sqrt(n)));
	let cell = Math.floor((maxWidth - gap * (cols - 1)) / cols);
	if (cell < 2) {
		cell = 2;
		cols = Math.max(1, Math.floor((maxWidth + gap) / (cell + gap)));
	}
	cell = Math.min(cell, maxCell, Math.max(2, mapWidth * 8));
	const cellWidth = cell;
	const cellHeight = Math.max(1, Math.round((cell * mapHeight) / mapWidth));
	const rows = Math.ceil(n / cols);
	return {
		channels: n,
		cols,
		rows,
		cellWidth,
		cellHeight,
		gap,
		width: cols * cellWidth + (cols - 1) * gap,
		height: rows * cellHeight + (rows - 1) * gap
	};
}

/** The channel under a canvas point, or null in a gap or past the last channel. */
export function channelAt(layout: GridLayout, x: number, y: number): number | null {
	const col = Math.floor(x / (layout.cellWidth + layout.gap));
	const row = Math.floor(y / (layout.cellHeight + layout.gap));
	if (col < 0 || row < 0 || col >= layout.cols || row >= layout.rows) return null;
	if (x - col * (layout.cellWidth + layout.gap) >= layout.cellWidth) return null;
	if (y - row * (layout.cellHeight + layout.gap) >= layout.cellHeight) return null;
	const channel = row * layout.cols + col;
	return channel < layout.channels ? channel : null;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The colour map as opaque RGBA pixels, one 32-bit word each (for whole-pixel writes). */
export function packedLut(lut: Uint8ClampedArray): Uint32Array {
	const packed = new Uint32Array(256);
	for (let i = 0; i < 256; i++) {
		const [r, g, b] = [lut[i * 3]!, lut[i * 3 + 1]!, lut[i * 3 + 2]!];
		packed[i] = LITTLE_ENDIAN
			? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0
			: ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
	}
	return packed;
}

/**
 * Nearest-neighbour sampling of `size` source pixels into `cells` output pixels: the distinct
 * source pixels used, in order, and for each output pixel its position among them.
 */
export function sampling(cells: number, size: number): { used: Int32Array; slot: Int32Array } {
	const slot = new Int32Array(cells);
	const used: number[] = [];
	for (let i = 0; i < cells; i++) {
		const source = Math.min(size - 1, Math.floor((i * size) / cells));
		if (used.at(-1) !== source) used.push(source);
		slot[i] = used.length - 1;
	}
	return { used: Int32Array.from(used), slot };
}

/** The sampled colours of renderGrid, kept between calls: see renderGrid's `target`. */
let colouredScratch = new Uint32Array(0);

/**
 * RGBA of the whole grid; gaps are transparent. Only the source pixels a cell shows are
 * coloured (all of them when cells are larger than maps, fewer when smaller), walking the map
 * in memory order, where all channels of a pixel are neighbours; cells are then filled by
 * 32-bit copies. Walking channel by channel instead strides through the whole layer once per
 * channel, which cost the largest layers several frames.
 *
 * `target`, the array a previous call returned, is written again when it has the right size:
 * filling a fresh multi-megabyte array costs a page fault per 4 KB, which on a slow machine took
 * longer than the colouring itself.
 */
export function renderGrid(
	map: FeatureMap,
	layout: GridLayout,
	ranges: readonly Range[],
	lut: Uint8ClampedArray,
	target?: Uint8ClampedArray<ArrayBuffer>
): Uint8ClampedArray<ArrayBuffer> {
	const { height, width, channels } = mapSize(map);
	const colours = packedLut(lut);
	const mins = Float64Array.from({ length: channels }, (_, c) => ranges[c]!.min);
	const spans = Float64Array.from({ length: channels }, (_, c) => ranges[c]!.max - ranges[c]!.min);
	const cols = sampling(layout.cellWidth, width);
	const rows = sampling(layout.cellHeight, height);
	const stride = cols.used.length;
	const plane = rows.used.length * stride;
	// coloured[c·plane + row·stride + col]: the colour of each sampled value, channel-major.
	if (colouredScratch.length < channels * plane)
		colouredScratch = new Uint32Array(channels * plane);
	const coloured = colouredScratch;
	const { data } = map;
	for (let r = 0; r < rows.used.length; r++) {
		for (let q = 0; q < stride; q++) {
			const base = (rows.used[r]! * width + cols.used[q]!) * channels;
			const at = r * stride + q;
			for (let c = 0; c < channels; c++) {
				const span = spans[c]!;
				// lutIndex, inlined: this runs for every sampled value of the layer.
				const k =
					span > 0
						? Math.max(0, Math.min(255, Math.round(((data[base + c]! - mins[c]!) / span) * 255)))
						: 0;
				coloured[c * plane + at] = colours[k]!;
			}
		}
	}

	const size = layout.width * layout.height * 4;
	const out = target?.length === size ? target : new Uint8ClampedArray(size);
	const pixels = new Uint32Array(out.buffer, out.byteOffset, size / 4);
	// A reused array still holds the last grid, whose cells may have sat where the gaps are now.
	if (out === target) pixels.fill(0);
	for (let c = 0; c < channels; c++) {
		const ox = (c % layout.cols) * (layout.cellWidth + layout.gap);
		const oy = Math.floor(c / layout.cols) * (layout.cellHeight + layout.gap);
		for (let py = 0; py < layout.cellHeight; py++) {
			const row = c * plane + rows.slot[py]! * stride;
			const o = (oy + py) * layout.width + ox;
			for (let px = 0; px < layout.cellWidth; px++)
				pixels[o + px] = coloured[row + cols.slot[px]!]!;
		}
	}
	return out;
}

/** RGBA of one channel at its own size (the canvas scales it up with CSS). */
export function renderChannel(
	map: FeatureMap,
	channel: number,
	range: Range,
	lut: Uint8ClampedArray
): Uint8ClampedArray<ArrayBuffer> {
	const { height, width, channels } = mapSize(map);
	const out = new Uint8ClampedArray(width * height * 4);
	for (let p = 0; p < width * height; p++) {
		const k = lutIndex(map.data[p * channels + channel]!, range) * 3;
		out[p * 4] = lut[k]!;
		out[p * 4 + 1] = lut[k + 1]!;
		out[p * 4 + 2] = lut[k + 2]!;
		out[p * 4 + 3] = 255;
	}
	return out;
}

/** The value at (x, y) of one channel. */
export function valueAt(map: FeatureMap, channel: number, x: number, y: number): number {
	const { width, channels } = mapSize(map);
	return map.data[(y * width + x) * channels + channel]!;
}
