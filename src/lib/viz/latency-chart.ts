/**
 * Printed mult-adds against printed latency for the rows of a paper table that print both (V3
 * Table 3; V2 Table 4 in the `comparison` quote table), read through `quote()`, on log–log axes
 * with every point named by a label that overlaps no other label and no point.
 */
import { scaleLog } from 'd3';
import { logTicks } from './log-ticks';
import { quote, quoteKeys, type Quote } from '$lib/lessons/quotes';

export type LatencyTable = 'v3-table3' | 'comparison';

export interface LatencyPoint {
	row: string;
	multAdds: Quote;
	latency: Quote;
}

/** The table's rows that print both figures, in the table's order. */
export function latencyPoints(table: LatencyTable): LatencyPoint[] {
	return quoteKeys(table).flatMap((row) => {
		try {
			return [
				{ row, multAdds: quote(table, row, 'multAdds'), latency: quote(table, row, 'latency') }
			];
		} catch {
			// A row without a latency (V2 Table 4's ShuffleNets): not on this chart.
			return [];
		}
	});
}

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export function overlaps(a: Rect, b: Rect): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(a: Rect, bounds: Rect): boolean {
	return (
		a.x >= bounds.x &&
		a.y >= bounds.y &&
		a.x + a.width <= bounds.x + bounds.width &&
		a.y + a.height <= bounds.y + bounds.height
	);
}

export interface Marker {
	x: number;
	y: number;
	r: number;
}

export interface PlacedLabel extends Rect {
	/** Set apart from its point: the chart draws a line to it. */
	leader: boolean;
}

/** Directions a label may sit in around its point, best first: beside, then above or below. */
const DIRECTIONS: ReadonlyArray<readonly [number, number]> = [
	[1, 0],
	[-1, 0],
	[1, -1],
	[1, 1],
	[0, -1],
	[0, 1],
	[-1, -1],
	[-1, 1],
	[1, -0.5],
	[1, 0.5],
	[-1, -0.5],
	[-1, 0.5],
	[0.5, -1],
	[0.5, 1],
	[-0.5, -1],
	[-0.5, 1]
];

function candidate(
	point: Marker,
	size: { width: number; height: number },
	d: number,
	[dx, dy]: readonly [number, number]
): Rect {
	const norm = Math.hypot(dx, dy);
	const cx = point.x + (dx / norm) * d;
	const cy = point.y + (dy / norm) * d;
	return {
		x: cx - size.width * (dx === 0 ? 0.5 : dx > 0 ? 0 : 1),
		y:
			cy -
			size.height * (dy === 0 ? 0.5 : Math.abs(dy) < 1 ? (dy > 0 ? 0.25 : 0.75) : dy > 0 ? 0 : 1),
		width: size.width,
		height: size.height
	};
}

const boxOf = (m: Marker): Rect => ({
	x: m.x - m.r,
	y: m.y - m.r,
	width: 2 * m.r,
	height: 2 * m.r
});

/**
 * Greedy placement: the most crowded points first, each label at the first spot (nearest first,
 * then in DIRECTIONS' order) inside `bounds` that touches no point and no label placed before it.
 * Failing that (a chart far too small), the spot that overlaps least.
 */
export function placeLabels(
	points: readonly Marker[],
	sizes: ReadonlyArray<{ width: number; height: number }>,
	bounds: Rect,
	gap = 4
): PlacedLabel[] {
	const markers = points.map(boxOf);
	const crowding = points.map((p) =>
		points.reduce((n, q) => n + 1 / (1 + Math.hypot(p.x - q.x, p.y - q.y)), 0)
	);
	const order = points.map((_, k) => k).sort((a, b) => (crowding[b] ?? 0) - (crowding[a] ?? 0));
	const placed: PlacedLabel[] = new Array(points.length);
	const taken: Rect[] = [];
	for (const k of order) {
		const point = points[k] as Marker;
		const size = sizes[k] ?? { width: 0, height: 0 };
		let best: { rect: Rect; cost: number; step: number } | null = null;
		search: for (let step = 0; step < 24; step++) {
			const d = point.r + gap + step * size.height * 0.5;
			for (const direction of DIRECTIONS) {
				const rect = candidate(point, size, d, direction);
				const hits = [...markers, ...taken].filter((other) => overlaps(rect, other)).length;
				const cost = hits + (inside(rect, bounds) ? 0 : 100);
				if (!best || cost < best.cost) best = { rect, cost, step };
				if (cost === 0) break search;
			}
		}
		const rect = best?.rect ?? candidate(point, size, point.r + gap, [1, 0]);
		placed[k] = { ...rect, leader: (best?.step ?? 0) > 0 };
		taken.push(rect);
	}
	return placed;
}

export interface LatencyChartOptions {
	width: number;
	height: number;
	margins: { top: number; right: number; bottom: number; left: number };
	/** Each point's label size in pixels, in the points' order. */
	labelSizes: ReadonlyArray<{ width: number; height: number }>;
	radius: number;
}

export interface LatencyChart {
	points: (LatencyPoint & Marker & { label: PlacedLabel })[];
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	left: number;
	right: number;
	top: number;
	bottom: number;
}

export function latencyChart(
	data: readonly LatencyPoint[],
	options: LatencyChartOptions
): LatencyChart {
	const { width, height, margins, labelSizes, radius } = options;
	const left = margins.left;
	const right = width - margins.right;
	const top = margins.top;
	const bottom = height - margins.bottom;
	const span = (values: number[]) => [Math.min(...values) / 1.2, Math.max(...values) * 1.2];
	const x = scaleLog()
		.domain(span(data.map((p) => p.multAdds.value)))
		.range([left, right]);
	const y = scaleLog()
		.domain(span(data.map((p) => p.latency.value)))
		.range([bottom, top]);
	const markers = data.map((p) => ({ x: x(p.multAdds.value), y: y(p.latency.value), r: radius }));
	const labels = placeLabels(markers, labelSizes, {
		x: left,
		y: top,
		width: right - left,
		height: bottom - top
	});
	return {
		points: data.map((p, k) => ({
			...p,
			...(markers[k] as Marker),
			label: labels[k] as PlacedLabel
		})),
		// 1, 2, 3, 5 × a power of ten, or every d3 tick where those are too few.
		xTicks: logTicks(x, [1, 2, 3, 5], 3).map((value) => ({ value, x: x(value) })),
		yTicks: logTicks(y, [1, 2, 3, 5], 3).map((value) => ({ value, y: y(value) })),
		left,
		right,
		top,
		bottom
	};
}
