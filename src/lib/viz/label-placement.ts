/**
 * Labels for the points of a chart, placed so that none overlaps another label, a point or what
 * else the chart draws there (LatencyChart, AccuracyChart). A label moved away from its point gets
 * a leader line, drawn to `leaderEnd`.
 */
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

export const boxOf = (m: Marker): Rect => ({
	x: m.x - m.r,
	y: m.y - m.r,
	width: 2 * m.r,
	height: 2 * m.r
});

/**
 * Greedy placement: the most crowded points first, each label at the first spot (nearest first,
 * then in DIRECTIONS' order) inside `bounds` that touches no point, no label placed before it and
 * none of `obstacles` (unlabelled points, a legend). Failing that (a chart far too small), the
 * spot that overlaps least.
 */
export function placeLabels(
	points: readonly Marker[],
	sizes: ReadonlyArray<{ width: number; height: number }>,
	bounds: Rect,
	gap = 4,
	obstacles: readonly Rect[] = []
): PlacedLabel[] {
	const markers = [...points.map(boxOf), ...obstacles];
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

/** The end of a label's leader line: the label's nearest point to its dot. */
export function leaderEnd(point: { x: number; y: number }, label: Rect): { x: number; y: number } {
	const clamp = (value: number, from: number, size: number) =>
		Math.min(Math.max(value, from), from + size);
	return { x: clamp(point.x, label.x, label.width), y: clamp(point.y, label.y, label.height) };
}
