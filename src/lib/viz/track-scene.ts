/**
 * What one track of the convolution animation draws: the static scene (stacks and filters placed
 * left to right, in cell units) and, for a moment t, the frame (highlighted window, filter slice,
 * output cell and the cells already computed). No DOM: the component renders these arrays.
 */
import { channelColor, MIXED_COLOR } from './channel-colors';
import {
	atomAt,
	atomWindow,
	atomsDone,
	cellsDone,
	groupChannels,
	macsAfter,
	type Atom,
	type Phase,
	type Track
} from './conv-steps';
import {
	cellCentre,
	groupedColumns,
	placeInRow,
	plateGap,
	quad,
	stackLayout,
	translate,
	unfoldedColumns,
	type Point,
	type StackLayout,
	type StackView
} from './isometric';

export type ItemRole = 'input' | 'filter' | 'feature' | 'output';

export interface SceneItem {
	role: ItemRole;
	/** Filters: the phase they belong to. Stacks: the phase that wrote them (−1 for the input). */
	phase: number;
	layout: StackLayout;
	colors: string[];
	/** Bottom of the item's row: its caption goes below. */
	rowBottom: number;
	/** Bounding box. */
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface Scene {
	width: number;
	height: number;
	items: SceneItem[];
	/** Index in items of each phase's input stack, filter and output stack. */
	inputOf: number[];
	filterOf: number[];
	outputOf: number[];
}

/** Space between items, in cells. */
const ITEM_GAP = 1;
/** An isometric stack is at most this many plate heights tall: dense stacks stay compact. */
const MAX_STACK_PLATES = 2.4;
const MIN_GAP = 0.5;

function isoGap(side: number, count: number): number {
	if (count <= 1) return 0;
	const budget = (side * MAX_STACK_PLATES - side) / (count - 1);
	return Math.max(MIN_GAP, Math.min(plateGap(side, 1), budget));
}

/**
 * A stack of `count` slices, `side` cells square, in `groups` groups. Its plates are spaced as a
 * stack of side `spacing` would be: a filter's slice c sits level with channel c of its input.
 * Groups of more than one slice stand apart: one empty plate between them in the isometric view,
 * whole groups per row when unfolded.
 */
function stack(view: StackView, count: number, side: number, groups: number, spacing = side) {
	const groupSize = count / groups;
	const apart = groups > 1 && groupSize > 1;
	return stackLayout({
		view,
		count,
		side,
		cell: 1,
		gap: isoGap(spacing, count + (apart ? groups - 1 : 0)),
		columns: apart ? groupedColumns(count, groupSize) : unfoldedColumns(count),
		pitch: side + 1,
		groupSize: apart ? groupSize : count
	});
}

/** Colours of a stack's slices: one per channel, or one per group in a grouped convolution. */
function sliceColors(count: number, groups: number | null): string[] {
	return Array.from({ length: count }, (_, c) =>
		channelColor(groups === null ? c : Math.floor(c / (count / groups)))
	);
}

export interface SceneOptions {
	/** Wrap items onto further rows past this width (cells), for narrow containers. */
	maxWidth?: number;
	/** Give every item at least this width (cells), so the captions under it do not collide. */
	minItemWidth?: number;
	/** The same, item by item (input, filter, output, …): the width of each item's caption. */
	minItemWidths?: readonly number[];
	/** Height of the captions under a row (cells): wrapped rows leave room for them. */
	captionHeight?: number;
}

export function buildScene(track: Track, view: StackView, options: SceneOptions = {}): Scene {
	const { maxWidth = Infinity, minItemWidth = 0, minItemWidths = [], captionHeight = 0 } = options;
	const m = track.size.m;
	// A grouped convolution colours by group, so a filter's colour says which channels it reads.
	const grouped = track.kind === 'grouped' ? (track.phases[0]?.groups ?? 1) : null;
	const inputGroups = grouped ?? 1;
	const raw: Omit<SceneItem, 'x' | 'y' | 'width' | 'height' | 'rowBottom'>[] = [
		{
			role: 'input',
			phase: -1,
			layout: stack(view, m, track.size.df, inputGroups),
			colors: sliceColors(m, grouped)
		}
	];
	const inputOf: number[] = [];
	const filterOf: number[] = [];
	const outputOf: number[] = [];
	track.phases.forEach((p: Phase, k) => {
		inputOf.push(raw.length - 1);
		filterOf.push(raw.length);
		// Filters share their input's plate spacing, so slice c of a filter sits level with channel c:
		// one filter per group, as deep as the group (all of M for g = 1, one channel for g = M).
		raw.push({
			role: 'filter',
			phase: k,
			layout: stack(view, m, p.dk, inputGroups, p.inSize),
			colors: sliceColors(m, grouped)
		});
		outputOf.push(raw.length);
		const own = p.kind === 'depthwise';
		raw.push({
			role: k === track.phases.length - 1 ? 'output' : 'feature',
			phase: k,
			layout: stack(view, p.n, p.outSize, grouped ?? 1),
			colors:
				grouped !== null
					? sliceColors(p.n, grouped)
					: Array.from({ length: p.n }, (_, c) => (own ? channelColor(c) : MIXED_COLOR))
		});
	});
	const boxes = raw.map((item, k) => ({
		width: Math.max(item.layout.width, minItemWidth, minItemWidths[k] ?? 0),
		height: item.layout.height
	}));
	// A window at the last row reaches into the SAME padding below the plate: keep captions clear of it.
	const below = Math.ceil((track.size.dk - 1) / 2);
	const row = placeInRow(boxes, ITEM_GAP, maxWidth, ITEM_GAP + captionHeight + below);
	const items = raw.map((item, k) => {
		const offset = row.offsets[k] as { x: number; y: number };
		const width = (boxes[k] as { width: number }).width;
		// Narrow items sit centred in their padded box.
		const inset = (width - item.layout.width) / 2;
		return {
			...item,
			layout: translate(item.layout, offset.x + inset, offset.y),
			rowBottom: (row.rowBottoms[k] ?? 0) + below,
			x: offset.x,
			y: offset.y,
			width,
			height: item.layout.height
		};
	});
	return { width: row.width, height: row.height + below, items, inputOf, filterOf, outputOf };
}

export interface Polygon {
	points: string;
	color: string;
}

export interface Line {
	from: Point;
	to: Point;
}

export interface Frame {
	/** Mult-adds complete: what the counter shows. */
	macs: number;
	atomsDone: number;
	finished: boolean;
	/** The atom shown: in progress, or the one just completed when t sits on a boundary. */
	atom: Atom | null;
	/** Output slices complete (they change seldom: drawn on the layer of the plates). */
	completed: Polygon[];
	/** The part of the slice being filled. */
	progress: Polygon[];
	/**
	 * By channel of the input stack, the filter's window on it, and that slice of the filter; empty
	 * where the filter does not read the channel. Drawn faint, and strong in the channel's colour for
	 * the channel of the current atom. Each channel keeps its own polygons, so a frame only moves
	 * points: changing a path's `d` or a fill costs Chromium a style recalculation.
	 */
	windows: string[];
	filterSlices: string[];
	windowColors: readonly string[];
	sliceColors: readonly string[];
	/** Channel of the current atom (−1 before the first). */
	channel: number;
	outputCell: Polygon | null;
	lines: Line[];
}

/** Cells computed so far: whole slices, and the rows and cells of the slice being filled. */
function progressPolygons(
	track: Track,
	scene: Scene,
	done: number
): { completed: Polygon[]; progress: Polygon[] } {
	const completed: Polygon[] = [];
	const progress: Polygon[] = [];
	track.phases.forEach((p, k) => {
		const item = scene.items[scene.outputOf[k] as number] as SceneItem;
		const cells = cellsDone(track, k, done);
		const perSlice = p.outSize * p.outSize;
		const full = Math.floor(cells / perSlice);
		const rest = cells % perSlice;
		const rows = Math.floor(rest / p.outSize);
		const cols = rest % p.outSize;
		for (let s = 0; s < full && s < p.n; s++) {
			const frame = item.layout.slices[s];
			if (frame) {
				completed.push({
					points: quad(frame, 0, 0, p.outSize, p.outSize),
					color: item.colors[s] ?? ''
				});
			}
		}
		const frame = item.layout.slices[full];
		if (!frame || full >= p.n) return;
		const color = item.colors[full] ?? '';
		if (rows > 0) progress.push({ points: quad(frame, 0, 0, rows, p.outSize), color });
		if (cols > 0) progress.push({ points: quad(frame, rows, 0, rows + 1, cols), color });
	});
	return { completed, progress };
}

export function buildFrame(track: Track, scene: Scene, t: number): Frame {
	const done = atomsDone(track, t);
	const macs = macsAfter(track, done);
	const shown = macs < t && done < track.totalAtoms ? done : done - 1;
	const frame: Frame = {
		macs,
		atomsDone: done,
		finished: done >= track.totalAtoms,
		atom: null,
		...progressPolygons(track, scene, done),
		windows: [],
		filterSlices: [],
		windowColors: [],
		sliceColors: [],
		channel: -1,
		outputCell: null,
		lines: []
	};
	if (shown < 0) return frame;
	const atom = atomAt(track, shown);
	frame.atom = atom;
	const p = track.phases[atom.phase] as Phase;
	const input = scene.items[scene.inputOf[atom.phase] as number] as SceneItem;
	const filter = scene.items[scene.filterOf[atom.phase] as number] as SceneItem;
	const output = scene.items[scene.outputOf[atom.phase] as number] as SceneItem;
	const cells = atomWindow(track, atom);
	const first = cells[0] as { row: number; col: number };
	// A filter reads the channels of its group: every channel for g = 1, its own for depthwise.
	const { first: groupStart, end: groupEnd } = groupChannels(p, atom.group);
	const reads = (c: number) => c >= groupStart && c < groupEnd;
	frame.windows = input.layout.slices.map((f, c) =>
		reads(c) ? quad(f, first.row, first.col, first.row + p.dk, first.col + p.dk) : ''
	);
	frame.filterSlices = filter.layout.slices.map((f, c) =>
		reads(c) ? quad(f, 0, 0, p.dk, p.dk) : ''
	);
	frame.windowColors = input.colors;
	frame.sliceColors = filter.colors;
	frame.channel = atom.channel;
	const outFrame = output.layout.slices[atom.filter];
	if (outFrame) {
		frame.outputCell = {
			points: quad(outFrame, atom.row, atom.col, atom.row + 1, atom.col + 1),
			color: output.colors[atom.filter] ?? ''
		};
	}
	const inFrame = input.layout.slices[atom.channel];
	const filterFrame = filter.layout.slices[atom.channel];
	if (inFrame && filterFrame && outFrame) {
		const windowCentre = cellCentre(
			inFrame,
			first.row + (p.dk - 1) / 2,
			first.col + (p.dk - 1) / 2
		);
		const filterCentre = cellCentre(filterFrame, (p.dk - 1) / 2, (p.dk - 1) / 2);
		frame.lines = [
			{ from: windowCentre, to: filterCentre },
			{ from: filterCentre, to: cellCentre(outFrame, atom.row, atom.col) }
		];
	}
	return frame;
}
