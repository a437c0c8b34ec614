/**
 * Ink on slides: strokes drawn with a pen or a highlighter, kept per slide. Points are in the
 * stage's logical coordinates (stage.ts: x from the left edge, y from the top, 540 tall), the units
 * the slide itself is laid out in, so ink lands on the same words on a projector, in the presenter's
 * small preview and on paper. The 4:3 stage shows the left 720 of the 16:9 stage's 960 units.
 *
 * Everything here is plain data and pure functions: the windows exchange `InkOp`s over the deck's
 * BroadcastChannel (sync.ts) and store a deck's ink in localStorage (ink-store.ts).
 */
import { getStroke } from 'perfect-freehand';

/** x and y in stage units; pressure 0–1 (0.5 where the device reports none). */
export type InkPoint = [x: number, y: number, pressure: number];

export const penColors = ['red', 'blue', 'green'] as const;
export type PenColor = (typeof penColors)[number];
/** The highlighter has one colour of its own. */
export type InkColor = PenColor | 'yellow';
export type StrokeKind = 'pen' | 'highlighter';

export interface Stroke {
	/** Unique across windows and reloads: the drawing window's id and a counter. */
	id: string;
	kind: StrokeKind;
	color: InkColor;
	/** The device reported pressure (a stylus); otherwise the line's speed stands in for it. */
	pressure: boolean;
	points: InkPoint[];
}

/** A deck's ink: the strokes of each slide, by the slide's index in the deck. */
export type DeckInk = Readonly<Record<number, readonly Stroke[]>>;

export type InkOp =
	/** A stroke starts (or arrives whole). */
	| { type: 'stroke'; slide: number; stroke: Stroke }
	/** Points added to a stroke being drawn. */
	| { type: 'extend'; slide: number; id: string; points: InkPoint[] }
	| { type: 'erase'; slide: number; ids: string[] }
	| { type: 'clear'; slide: number }
	| { type: 'clear-all' };

/**
 * Stroke shapes (perfect-freehand options), in stage units: a pen line is 4 units wide (8 pixels
 * on a 1080p projector), a highlighter covers a line of slide text (1.2rem ≈ 19 units).
 */
export const strokeStyles: Record<
	StrokeKind,
	{ size: number; thinning: number; opacity: number; streamline: number }
> = {
	pen: { size: 4, thinning: 0.55, opacity: 1, streamline: 0.35 },
	highlighter: { size: 20, thinning: 0, opacity: 0.38, streamline: 0.5 }
};

/**
 * Ink colours, the same on screen and on paper. Each pen keeps at least 3:1 contrast against both
 * the light slide (#fdfdfb) and the dark and high-contrast ones (#111418, #000): relative luminance
 * between 0.12 and 0.30, so a teacher's ink reads whatever theme the room needs. The highlighter's
 * yellow lies translucent under the text.
 */
export const inkColors: Record<InkColor, string> = {
	red: '#e03a2f',
	blue: '#2f7fe0',
	green: '#23963f',
	yellow: '#ffd400'
};

/** The laser pointer's colour: a bright red that reads on any slide. */
export const laserColor = '#ff2a1a';

/** Bounds on what a window accepts from another or from storage. */
const MAX_POINTS = 20_000;
const MAX_ID = 80;
const MAX_SLIDE = 10_000;

function round(value: number, digits: number): number {
	const scale = 10 ** digits;
	return Math.round(value * scale) / scale;
}

/** A point as stored: a tenth of a unit is finer than any screen shows the stage. */
export function inkPoint(x: number, y: number, pressure: number): InkPoint {
	const p = Number.isFinite(pressure) ? Math.min(1, Math.max(0, pressure)) : 0.5;
	return [round(x, 1), round(y, 1), round(p, 2)];
}

const outlines = new WeakMap<Stroke, string>();

function midpoint(a: readonly number[], b: readonly number[]): string {
	return `${round(((a[0] ?? 0) + (b[0] ?? 0)) / 2, 2)},${round(((a[1] ?? 0) + (b[1] ?? 0)) / 2, 2)}`;
}

/** A closed path through an outline polygon, each corner smoothed into a quadratic curve. */
function smoothPath(outline: readonly number[][]): string {
	const n = outline.length;
	if (n < 2) return '';
	const parts = [`M${midpoint(outline[n - 1] ?? [], outline[0] ?? [])}`];
	for (let i = 0; i < n; i++) {
		const corner = outline[i] ?? [];
		parts.push(
			`Q${round(corner[0] ?? 0, 2)},${round(corner[1] ?? 0, 2)} ${midpoint(corner, outline[(i + 1) % n] ?? [])}`
		);
	}
	return `${parts.join(' ')}Z`;
}

/** SVG path data of a stroke's filled outline (memoised: strokes are never changed in place). */
export function strokeOutline(stroke: Stroke): string {
	const cached = outlines.get(stroke);
	if (cached !== undefined) return cached;
	const style = strokeStyles[stroke.kind];
	const outline = getStroke(stroke.points, {
		size: style.size,
		thinning: style.thinning,
		streamline: style.streamline,
		smoothing: 0.5,
		simulatePressure: stroke.kind === 'pen' && !stroke.pressure,
		last: true
	});
	const path = smoothPath(outline);
	outlines.set(stroke, path);
	return path;
}

function distanceToSegment(
	px: number,
	py: number,
	a: readonly number[],
	b: readonly number[]
): number {
	const ax = a[0] ?? 0;
	const ay = a[1] ?? 0;
	const dx = (b[0] ?? 0) - ax;
	const dy = (b[1] ?? 0) - ay;
	const length = dx * dx + dy * dy;
	const t = length === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / length));
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Ids of the strokes the eraser touches: within `radius` of (x, y), counting the line's width. */
export function strokesAt(
	strokes: readonly Stroke[],
	x: number,
	y: number,
	radius: number
): string[] {
	return strokes
		.filter((stroke) => {
			const reach = radius + strokeStyles[stroke.kind].size / 2;
			const points = stroke.points;
			if (points.length === 1)
				return distanceToSegment(x, y, points[0] ?? [], points[0] ?? []) <= reach;
			for (let i = 1; i < points.length; i++) {
				if (distanceToSegment(x, y, points[i - 1] ?? [], points[i] ?? []) <= reach) return true;
			}
			return false;
		})
		.map((stroke) => stroke.id);
}

function withSlide(ink: DeckInk, slide: number, strokes: readonly Stroke[]): DeckInk {
	const next: Record<number, readonly Stroke[]> = { ...ink };
	if (strokes.length === 0) delete next[slide];
	else next[slide] = strokes;
	return next;
}

/** The ink after an operation. Returns `ink` itself when nothing changed. */
export function applyInk(ink: DeckInk, op: InkOp): DeckInk {
	if (op.type === 'clear-all') return Object.keys(ink).length === 0 ? ink : {};
	const strokes = ink[op.slide] ?? [];
	switch (op.type) {
		case 'stroke':
			if (strokes.some((stroke) => stroke.id === op.stroke.id)) return ink;
			return withSlide(ink, op.slide, [...strokes, op.stroke]);
		case 'extend': {
			const index = strokes.findIndex((stroke) => stroke.id === op.id);
			const stroke = strokes[index];
			if (!stroke || op.points.length === 0) return ink;
			const points = [...stroke.points, ...op.points].slice(0, MAX_POINTS);
			return withSlide(
				ink,
				op.slide,
				strokes.map((other, k) => (k === index ? { ...stroke, points } : other))
			);
		}
		case 'erase': {
			const kept = strokes.filter((stroke) => !op.ids.includes(stroke.id));
			return kept.length === strokes.length ? ink : withSlide(ink, op.slide, kept);
		}
		case 'clear':
			return strokes.length === 0 ? ink : withSlide(ink, op.slide, []);
	}
}

/** Strokes on all slides together. */
export function strokeCount(ink: DeckInk): number {
	return Object.values(ink).reduce((sum, strokes) => sum + strokes.length, 0);
}

function isSlide(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SLIDE;
}

function isId(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
}

function isPoint(value: unknown): value is InkPoint {
	return (
		Array.isArray(value) &&
		value.length === 3 &&
		value.every((n) => typeof n === 'number' && Number.isFinite(n))
	);
}

function isPoints(value: unknown): value is InkPoint[] {
	return Array.isArray(value) && value.length <= MAX_POINTS && value.every(isPoint);
}

export function isStroke(value: unknown): value is Stroke {
	if (typeof value !== 'object' || value === null) return false;
	const stroke = value as Record<string, unknown>;
	return (
		isId(stroke.id) &&
		(stroke.kind === 'pen' || stroke.kind === 'highlighter') &&
		typeof stroke.color === 'string' &&
		Object.hasOwn(inkColors, stroke.color) &&
		typeof stroke.pressure === 'boolean' &&
		isPoints(stroke.points) &&
		stroke.points.length > 0
	);
}

/** Whether a message from another window is a well-formed ink operation. */
export function isInkOp(value: unknown): value is InkOp {
	if (typeof value !== 'object' || value === null) return false;
	const op = value as Record<string, unknown>;
	switch (op.type) {
		case 'clear-all':
			return true;
		case 'clear':
			return isSlide(op.slide);
		case 'stroke':
			return isSlide(op.slide) && isStroke(op.stroke);
		case 'extend':
			return isSlide(op.slide) && isId(op.id) && isPoints(op.points);
		case 'erase':
			return isSlide(op.slide) && Array.isArray(op.ids) && op.ids.every(isId);
		default:
			return false;
	}
}

/** A deck's ink read from elsewhere (storage, another window): what is well formed, and nothing else. */
export function parseInk(value: unknown): DeckInk {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
	const ink: Record<number, readonly Stroke[]> = {};
	for (const [key, strokes] of Object.entries(value)) {
		const slide = Number(key);
		if (!isSlide(slide) || !Array.isArray(strokes)) continue;
		const valid = strokes.filter(isStroke);
		if (valid.length > 0) ink[slide] = valid;
	}
	return ink;
}

/**
 * One slide's ink as a standalone SVG image of the stage's size: what print
 * and the overview's thumbnails lay over each slide.
 */
export function inkSvg(strokes: readonly Stroke[], width: number, height: number): string {
	const paths = strokes
		.map((stroke) => {
			const opacity = strokeStyles[stroke.kind].opacity;
			return `<path d="${strokeOutline(stroke)}" fill="${inkColors[stroke.color]}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}/>`;
		})
		.join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${paths}</svg>`;
}

/** The same image as a CSS url(), or 'none' for a slide without ink. */
export function inkImage(
	strokes: readonly Stroke[] | undefined,
	width: number,
	height: number
): string {
	if (!strokes || strokes.length === 0) return 'none';
	return `url("data:image/svg+xml,${encodeURIComponent(inkSvg(strokes, width, height))}")`;
}

/** A point of the laser pointer's trail, with the time it was seen (ms, any monotonic clock). */
export interface LaserPoint {
	x: number;
	y: number;
	t: number;
}

/** How long the laser's trail, and its dot once the hand stops, take to fade. */
export const laserFadeMs = 900;

/** The trail still visible at `now`, oldest first. */
export function laserTrail(points: readonly LaserPoint[], now: number): LaserPoint[] {
	return points.filter((point) => now - point.t < laserFadeMs);
}

/** How visible a trail point is at `now`: 1 when new, 0 when faded. */
export function laserOpacity(point: LaserPoint, now: number): number {
	return Math.min(1, Math.max(0, 1 - (now - point.t) / laserFadeMs));
}
