/**
 * Layout maths for drawing stacks of channel slices, either as an isometric stack of plates
 * (channel 0 on top) or unfolded into a grid of flat squares. All in abstract units: the SVG's
 * viewBox scales them to the container.
 */

export type StackView = 'stack' | 'unfolded';

export interface Point {
	x: number;
	y: number;
}

/** A slice's grid: cell (row, col) has its top-left corner at origin + col·u + row·v. */
export interface SliceFrame {
	origin: Point;
	u: Point;
	v: Point;
}

export interface StackLayout {
	width: number;
	height: number;
	/** Side of a slice, in cells. */
	side: number;
	slices: SliceFrame[];
}

const COS30 = Math.cos(Math.PI / 6);
const SIN30 = 0.5;

/** Vertical distance between plates of an isometric stack of slices `side` cells wide. */
export function plateGap(side: number, cell: number): number {
	return cell * Math.min(3, Math.max(1.2, side * 0.3));
}

/** Columns of the unfolded grid: as square as possible. */
export function unfoldedColumns(count: number): number {
	return Math.max(1, Math.ceil(Math.sqrt(count)));
}

export interface StackOptions {
	view: StackView;
	count: number;
	side: number;
	cell: number;
	/** Isometric: distance between plates (defaults to plateGap of this side). */
	gap?: number;
	/** Unfolded: columns of the grid (defaults to unfoldedColumns(count)). */
	columns?: number;
	/** Unfolded: pitch between slices, so filters line up with the stacks they slide over. */
	pitch?: number;
	/**
	 * Slices per group (a grouped convolution's channels): isometric stacks leave one gap empty
	 * between groups, so each group stands apart in shape as well as colour.
	 */
	groupSize?: number;
}

/** Columns of an unfolded grid of groups: a whole number of groups per row, as square as possible. */
export function groupedColumns(count: number, groupSize: number): number {
	if (groupSize <= 1 || groupSize >= count) return unfoldedColumns(count);
	return Math.ceil(unfoldedColumns(count) / groupSize) * groupSize;
}

export function stackLayout(options: StackOptions): StackLayout {
	const { view, count, side, cell } = options;
	if (view === 'stack') {
		const gap = options.gap ?? plateGap(side, cell);
		const groupSize = options.groupSize ?? count;
		const u = { x: COS30 * cell, y: SIN30 * cell };
		const v = { x: -COS30 * cell, y: SIN30 * cell };
		const halfWidth = COS30 * cell * side;
		// Slot k holds slice k plus one empty slot per group boundary above it.
		const slot = (k: number) => k + Math.floor(k / groupSize);
		return {
			width: 2 * halfWidth,
			height: side * cell + slot(count - 1) * gap,
			side,
			slices: Array.from({ length: count }, (_, k) => ({
				origin: { x: halfWidth, y: slot(k) * gap },
				u,
				v
			}))
		};
	}
	const columns = Math.min(count, options.columns ?? unfoldedColumns(count));
	const rows = Math.ceil(count / columns);
	const pitch = options.pitch ?? (side + 1) * cell;
	const u = { x: cell, y: 0 };
	const v = { x: 0, y: cell };
	return {
		width: (columns - 1) * pitch + side * cell,
		height: (rows - 1) * pitch + side * cell,
		side,
		slices: Array.from({ length: count }, (_, k) => ({
			origin: { x: (k % columns) * pitch, y: Math.floor(k / columns) * pitch },
			u,
			v
		}))
	};
}

/** A point of a slice's grid, in cell coordinates (fractions allowed). */
export function at(frame: SliceFrame, row: number, col: number): Point {
	return {
		x: frame.origin.x + col * frame.u.x + row * frame.v.x,
		y: frame.origin.y + col * frame.u.y + row * frame.v.y
	};
}

const fmt = (n: number) => Math.round(n * 100) / 100;

/** SVG points of the region rows r0…r1, cols c0…c1 of a slice (may extend into padding). */
export function quad(frame: SliceFrame, r0: number, c0: number, r1: number, c1: number): string {
	return [at(frame, r0, c0), at(frame, r0, c1), at(frame, r1, c1), at(frame, r1, c0)]
		.map((p) => `${fmt(p.x)},${fmt(p.y)}`)
		.join(' ');
}

/** SVG path of a slice's inner grid lines. */
export function gridPath(frame: SliceFrame, side: number): string {
	const parts: string[] = [];
	const line = (a: Point, b: Point) =>
		parts.push(`M${fmt(a.x)},${fmt(a.y)}L${fmt(b.x)},${fmt(b.y)}`);
	for (let k = 1; k < side; k++) {
		line(at(frame, k, 0), at(frame, k, side));
		line(at(frame, 0, k), at(frame, side, k));
	}
	return parts.join('');
}

/** Centre of a cell. */
export function cellCentre(frame: SliceFrame, row: number, col: number): Point {
	return at(frame, row + 0.5, col + 0.5);
}

/** Moves a layout's frames by an offset. */
export function translate(layout: StackLayout, dx: number, dy: number): StackLayout {
	return {
		...layout,
		slices: layout.slices.map((s) => ({ ...s, origin: { x: s.origin.x + dx, y: s.origin.y + dy } }))
	};
}

export interface Placed {
	x: number;
	y: number;
}

/**
 * Places boxes left to right with a gap, centred vertically in their row; starts a new row when
 * the next box would pass maxWidth (narrow screens), rowGap below the last. Returns offsets, the
 * bottom of each box's row (where its caption goes) and the total size.
 */
export function placeInRow(
	boxes: { width: number; height: number }[],
	gap: number,
	maxWidth = Infinity,
	rowGap = gap
): { offsets: Placed[]; rowBottoms: number[]; width: number; height: number } {
	const rows: number[][] = [];
	let x = 0;
	boxes.forEach((b, k) => {
		const current = rows.at(-1);
		if (current && current.length > 0 && x + b.width <= maxWidth) {
			current.push(k);
			x += b.width + gap;
		} else {
			rows.push([k]);
			x = b.width + gap;
		}
	});
	const offsets: Placed[] = boxes.map(() => ({ x: 0, y: 0 }));
	const rowBottoms: number[] = boxes.map(() => 0);
	let top = 0;
	let width = 0;
	for (const row of rows) {
		const height = Math.max(...row.map((k) => (boxes[k] as { height: number }).height));
		let left = 0;
		for (const k of row) {
			const b = boxes[k] as { width: number; height: number };
			offsets[k] = { x: left, y: top + (height - b.height) / 2 };
			rowBottoms[k] = top + height;
			left += b.width + gap;
		}
		width = Math.max(width, left - gap);
		top += height + rowGap;
	}
	return { offsets, rowBottoms, width, height: Math.max(0, top - rowGap) };
}
