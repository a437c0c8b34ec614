/**
 * What a cell shows: the items the worker posts to the page, and the pure conversions from what
 * a student passes to `show.*` (tensors' values, nested arrays, objects) into those items.
 * Items carry data, never markup: the page renders text as text and pixels on a canvas.
 * The converters throw a TypeError naming the helper and the expected shape on bad input.
 */
import { inspect } from './inspect';

export const OUTPUT_LIMITS = {
	/** Items one run may show; more are dropped with a note. */
	items: 100,
	imagePixels: 1024 * 1024,
	heatmapMaps: 16,
	tableRows: 200,
	tableColumns: 50,
	chartSeries: 12,
	chartPoints: 5000,
	bars: 100
} as const;

export type TableCell = string | number | boolean | null;

export interface ChartPoint {
	x: number;
	y: number;
}

export interface ChartOptions {
	title?: string;
	/** Axis labels. */
	x?: string;
	y?: string;
}

export type OutputItem =
	| { kind: 'text'; text: string; stream: 'out' | 'warn' | 'error' }
	/** The cell's result: its trailing expression or returned value. */
	| { kind: 'value'; text: string }
	| { kind: 'table'; columns: string[]; rows: TableCell[][]; hiddenRows: number }
	| { kind: 'image'; width: number; height: number; rgba: Uint8ClampedArray; title?: string }
	| {
			kind: 'heatmap';
			width: number;
			height: number;
			/** One map per channel shown, row-major. */
			maps: Float32Array[];
			/** Channels in the input; only the first `maps.length` are shown. */
			channels: number;
			min: number;
			max: number;
			title?: string;
	  }
	| { kind: 'line'; series: { name: string; points: ChartPoint[] }[]; options: ChartOptions }
	| { kind: 'bar'; bars: { label: string; value: number }[]; options: ChartOptions }
	/** Messages of the notebook itself, worded by the page in the reader's language. */
	| { kind: 'note'; note: 'truncated' }
	| { kind: 'note'; note: 'shadowed'; names: string[] };

/** Values and shape of a tensor or of a nested array. */
export interface Grid {
	values: ArrayLike<number>;
	shape: number[];
}

/** [[1, 2], [3, 4]] → values [1, 2, 3, 4], shape [2, 2]; ragged or non-numeric arrays throw. */
export function gridFromNested(data: unknown, helper: string): Grid {
	const shape: number[] = [];
	let level: unknown = data;
	while (Array.isArray(level) || ArrayBuffer.isView(level)) {
		const array = level as ArrayLike<unknown>;
		shape.push(array.length);
		if (array.length === 0) break;
		level = array[0];
	}
	if (shape.length === 0)
		throw new TypeError(`${helper}: expected a tensor or an array of numbers`);
	const values: number[] = [];
	const walk = (node: unknown, dim: number): void => {
		const length = shape[dim] ?? 0;
		if (dim === shape.length) {
			if (typeof node !== 'number') {
				throw new TypeError(`${helper}: expected numbers, found ${inspect(node)}`);
			}
			values.push(node);
			return;
		}
		const array = node as ArrayLike<unknown>;
		if (!(Array.isArray(node) || ArrayBuffer.isView(node)) || array.length !== length) {
			throw new TypeError(`${helper}: the array is ragged (rows of different lengths)`);
		}
		for (let i = 0; i < length; i++) walk(array[i], dim + 1);
	};
	walk(data, 0);
	return { values, shape };
}

/** Drops leading size-1 axes (a batch of one) down to `rank`. */
function squeezeLeading(shape: readonly number[], rank: number): number[] {
	const result = [...shape];
	while (result.length > rank && result[0] === 1) result.shift();
	return result;
}

function range(values: ArrayLike<number>): { min: number; max: number } {
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i] as number;
		if (Number.isNaN(v)) continue;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	return min > max ? { min: 0, max: 0 } : { min, max };
}

/**
 * An image from [h, w], [h, w, 1|3|4] or with a leading batch of one. Values in [0, 1] are read
 * as fractions, values in [0, 255] as bytes, anything else is stretched from its min to its max.
 * Out-of-range values clamp (Uint8ClampedArray).
 */
export function imageItem(grid: Grid, title?: string): Extract<OutputItem, { kind: 'image' }> {
	const shape = squeezeLeading(grid.shape, 3);
	const [height, width, channels = 1] = shape;
	if (
		height === undefined ||
		width === undefined ||
		shape.length < 2 ||
		shape.length > 3 ||
		![1, 3, 4].includes(channels)
	) {
		throw new TypeError(
			`show.image: expected a shape [height, width] or [height, width, 1|3|4], got [${grid.shape.join(', ')}]`
		);
	}
	if (height * width > OUTPUT_LIMITS.imagePixels) {
		throw new TypeError(
			`show.image: at most ${OUTPUT_LIMITS.imagePixels} pixels, got ${height * width}`
		);
	}
	const { min, max } = range(grid.values);
	// float32 arithmetic lands a hair outside [0, 1] (linspace(-1, 1) ends at 1.0000001).
	const fractions = min >= -1e-3 && max <= 1 + 1e-3;
	const scale = fractions
		? (v: number) => v * 255
		: min >= 0 && max <= 255
			? (v: number) => v
			: (v: number) => (max === min ? 0 : ((v - min) / (max - min)) * 255);
	const rgba = new Uint8ClampedArray(height * width * 4);
	for (let p = 0; p < height * width; p++) {
		const at = (c: number) => scale(grid.values[p * channels + c] as number);
		const grey = at(0);
		rgba[p * 4] = grey;
		rgba[p * 4 + 1] = channels >= 3 ? at(1) : grey;
		rgba[p * 4 + 2] = channels >= 3 ? at(2) : grey;
		rgba[p * 4 + 3] = channels === 4 ? at(3) : 255;
	}
	return { kind: 'image', width, height, rgba, ...(title ? { title } : {}) };
}

/** Heatmaps of [w], [h, w] or [h, w, channels] (channels last, as tfjs feature maps are). */
export function heatmapItem(grid: Grid, title?: string): Extract<OutputItem, { kind: 'heatmap' }> {
	let shape = squeezeLeading(grid.shape, 3);
	if (shape.length === 1) shape = [1, shape[0] as number];
	if (shape.length === 2) shape = [...shape, 1];
	const [height, width, channels] = shape as [number, number, number];
	if (shape.length !== 3 || height * width === 0) {
		throw new TypeError(
			`show.heatmap: expected a shape [height, width] or [height, width, channels], got [${grid.shape.join(', ')}]`
		);
	}
	if (height * width > OUTPUT_LIMITS.imagePixels) {
		throw new TypeError(`show.heatmap: at most ${OUTPUT_LIMITS.imagePixels} pixels per map`);
	}
	const shown = Math.min(channels, OUTPUT_LIMITS.heatmapMaps);
	const maps = Array.from({ length: shown }, (_, c) => {
		const map = new Float32Array(height * width);
		for (let p = 0; p < height * width; p++) map[p] = grid.values[p * channels + c] as number;
		return map;
	});
	let min = Infinity;
	let max = -Infinity;
	for (const map of maps) {
		const r = range(map);
		min = Math.min(min, r.min);
		max = Math.max(max, r.max);
	}
	return { kind: 'heatmap', width, height, maps, channels, min, max, ...(title ? { title } : {}) };
}

function tableCell(value: unknown): TableCell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
		return value;
	}
	return inspect(value);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A table from rows of objects (columns: their keys, in order of appearance), rows of arrays,
 * a 2-D grid, a list of values, or one object (a key and a value per row).
 */
export function tableItem(
	data: unknown,
	columns?: readonly string[]
): Extract<OutputItem, { kind: 'table' }> {
	let header: string[];
	let rows: TableCell[][];
	if (Array.isArray(data) && data.every(isPlainRecord)) {
		header = columns ? [...columns] : [...new Set(data.flatMap((row) => Object.keys(row)))];
		rows = data.map((row) => header.map((c) => tableCell(row[c])));
	} else if (Array.isArray(data) && data.length > 0 && data.every((row) => Array.isArray(row))) {
		const width = Math.max(...data.map((row: unknown[]) => row.length));
		header = columns ? [...columns] : Array.from({ length: width }, (_, i) => String(i));
		rows = data.map((row: unknown[]) => header.map((_, i) => tableCell(row[i])));
	} else if (Array.isArray(data)) {
		header = columns ? [...columns] : ['value'];
		rows = data.map((value) => [tableCell(value)]);
	} else if (isPlainRecord(data) && 'values' in data && 'shape' in data) {
		const grid = data as unknown as Grid;
		const [height = 0, width = 1] = grid.shape.length === 1 ? [grid.shape[0], 1] : grid.shape;
		if (grid.shape.length > 2) throw new TypeError('show.table: a tensor needs rank 1 or 2');
		header = columns ? [...columns] : Array.from({ length: width }, (_, i) => String(i));
		rows = Array.from({ length: height }, (_, r) =>
			Array.from({ length: width }, (_, c) => grid.values[r * width + c] as number)
		);
	} else if (isPlainRecord(data)) {
		header = columns ? [...columns] : ['key', 'value'];
		rows = Object.entries(data).map(([k, v]) => [k, tableCell(v)]);
	} else {
		throw new TypeError('show.table: expected an array of rows or an object');
	}
	header = header.slice(0, OUTPUT_LIMITS.tableColumns);
	const hiddenRows = Math.max(0, rows.length - OUTPUT_LIMITS.tableRows);
	return {
		kind: 'table',
		columns: header,
		rows: rows.slice(0, OUTPUT_LIMITS.tableRows).map((row) => row.slice(0, header.length)),
		hiddenRows
	};
}

function finite(value: unknown, helper: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new TypeError(`${helper}: expected finite numbers, found ${inspect(value)}`);
	}
	return value;
}

function seriesPoints(data: unknown, helper: string): ChartPoint[] {
	if (!Array.isArray(data)) throw new TypeError(`${helper}: a series is an array`);
	if (data.length > OUTPUT_LIMITS.chartPoints) {
		throw new TypeError(`${helper}: at most ${OUTPUT_LIMITS.chartPoints} points per series`);
	}
	return data.map((point: unknown, i) => {
		if (typeof point === 'number') return { x: i, y: finite(point, helper) };
		if (Array.isArray(point)) return { x: finite(point[0], helper), y: finite(point[1], helper) };
		if (isPlainRecord(point)) return { x: finite(point.x, helper), y: finite(point.y, helper) };
		throw new TypeError(
			`${helper}: a point is a number, [x, y] or {x, y}, found ${inspect(point)}`
		);
	});
}

/**
 * A line chart of one series (numbers, [x, y] pairs or {x, y} points, drawn in the order given,
 * so a parametric curve works) or of several, as { name: series }.
 */
export function lineItem(
	data: unknown,
	options: ChartOptions = {}
): Extract<OutputItem, { kind: 'line' }> {
	const named = isPlainRecord(data) ? Object.entries(data) : [['', data] as const];
	if (named.length === 0) throw new TypeError('show.line: no series to draw');
	if (named.length > OUTPUT_LIMITS.chartSeries) {
		throw new TypeError(`show.line: at most ${OUTPUT_LIMITS.chartSeries} series`);
	}
	return {
		kind: 'line',
		series: named.map(([name, points]) => ({ name, points: seriesPoints(points, 'show.line') })),
		options: chartOptions(options)
	};
}

/** A bar chart of { label: value }, [label, value] pairs, {label, value} objects or plain numbers. */
export function barItem(
	data: unknown,
	options: ChartOptions = {}
): Extract<OutputItem, { kind: 'bar' }> {
	let bars: { label: string; value: number }[];
	if (Array.isArray(data)) {
		bars = data.map((item: unknown, i) => {
			if (typeof item === 'number') return { label: String(i), value: finite(item, 'show.bar') };
			if (Array.isArray(item))
				return { label: String(item[0]), value: finite(item[1], 'show.bar') };
			if (isPlainRecord(item)) {
				return { label: String(item.label), value: finite(item.value, 'show.bar') };
			}
			throw new TypeError(`show.bar: a bar is a number, [label, value] or {label, value}`);
		});
	} else if (isPlainRecord(data)) {
		bars = Object.entries(data).map(([label, value]) => ({
			label,
			value: finite(value, 'show.bar')
		}));
	} else {
		throw new TypeError('show.bar: expected { label: value } or an array of bars');
	}
	if (bars.length > OUTPUT_LIMITS.bars) {
		throw new TypeError(`show.bar: at most ${OUTPUT_LIMITS.bars} bars`);
	}
	return { kind: 'bar', bars, options: chartOptions(options) };
}

function chartOptions(options: unknown): ChartOptions {
	if (!isPlainRecord(options)) return {};
	const result: ChartOptions = {};
	for (const key of ['title', 'x', 'y'] as const) {
		if (options[key] !== undefined) result[key] = String(options[key]);
	}
	return result;
}
