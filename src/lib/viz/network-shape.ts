/**
 * The shape of a MobileNet's body, read from the engine: one column per block (the input, the
 * stem, each separable or bottleneck block, the last 1×1 layer of V2/V3), with its feature map's
 * side and channels, its stride, its shortcut, squeeze-and-excite, h-swish and kernel size; and
 * the geometry of the figure that draws it as a funnel (NetworkShape.svelte).
 */
import { scaleLinear } from 'd3';
import { buildSpec, type LayerKind, type LayerSpec, type Version } from '$lib/architecture';

/** What branches off the backbone: the ImageNet classifier or the head of another task. */
export type ShapeHead = 'none' | 'classifier' | 'detection' | 'segmentation' | 'embedding';
/** The chart under the blocks: each column's channel count or its mult-adds. */
export type ShapeMetric = 'none' | 'channels' | 'macs';
/** The marks of V3's searched blocks, one row each, drawn only when the network varies in them. */
export type MarkRow = 'se' | 'hswish' | 'kernel';

export interface ShapeLayer {
	name: string;
	kind: LayerKind;
	/** Output side and channels. */
	side: number;
	channels: number;
}

export interface ShapeColumn {
	/** The engine's block label ('stem', 'block 3'), 'input', or the layer's name for V2/V3's Conv_1. */
	id: string;
	role: 'input' | 'stem' | 'block' | 'last';
	/** The layers with weights, in order (a shortcut's add is `shortcut`). */
	layers: ShapeLayer[];
	/** Output side and channels. */
	side: number;
	channels: number;
	/** The largest stride among its layers: 2 where the map halves. */
	stride: number;
	shortcut: boolean;
	se: boolean;
	hswish: boolean;
	/** The depthwise kernel (the stem's for the stem); 0 for the input. */
	kernel: number;
	macs: number;
}

export interface NetworkShape {
	version: Version;
	resolution: number;
	columns: ShapeColumn[];
	/** Global pool's width and the classifier's classes (the head a backbone drops). */
	pooled: number;
	classes: number;
	/** Layers with weights per kind: the body's, plus the classifier's when it is drawn. */
	counts: Partial<Record<LayerKind, number>>;
	/** Rows of marks the network varies in (V3's searched choices). */
	markRows: MarkRow[];
	/** The largest depthwise kernel: the 'kernel' row marks the blocks that use it. */
	largestKernel: number;
}

/** Whether a column carries a row's mark. */
export function hasMark(shape: NetworkShape, row: MarkRow, c: ShapeColumn): boolean {
	return row === 'se' ? c.se : row === 'hswish' ? c.hswish : c.kernel === shape.largestKernel;
}

const WEIGHTED: ReadonlySet<LayerKind> = new Set(['conv', 'depthwise', 'pointwise', 'se', 'fc']);

function column(id: string, role: ShapeColumn['role'], own: readonly LayerSpec[]): ShapeColumn {
	const last = own[own.length - 1] as LayerSpec;
	const spatial = own.find((l) => l.kind === 'depthwise' || l.kind === 'conv');
	return {
		id,
		role,
		layers: own
			.filter((l) => WEIGHTED.has(l.kind))
			.map((l) => ({ name: l.name, kind: l.kind, side: l.output[0], channels: l.output[2] })),
		side: last.output[0],
		channels: last.output[2],
		stride: Math.max(...own.map((l) => l.stride)),
		shortcut: own.some((l) => l.kind === 'add'),
		se: own.some((l) => l.kind === 'se'),
		hswish: own.some((l) => l.activation === 'hswish'),
		kernel: spatial?.kernel ?? 1,
		macs: own.reduce((sum, l) => sum + l.macs, 0)
	};
}

/**
 * The body of a network at α 1: its columns, from the input to the last layer that still has a
 * map (V1's conv_pw_13, V2/V3's Conv_1), and its classifier head.
 */
export function networkShape(
	version: Version,
	resolution = 224,
	head: ShapeHead = 'none'
): NetworkShape {
	const spec = buildSpec({ version, alpha: 1, resolution });
	const body = spec.layers.filter((l) => l.block !== 'head');
	// V2/V3's last 1×1 conv is labelled 'head' by Keras, but it runs on the map: part of the body.
	const lastConv = spec.layers.find((l) => l.block === 'head' && l.kind === 'pointwise');
	const pool = spec.layers.find((l) => l.kind === 'pool') as LayerSpec;
	const fc = spec.layers.find((l) => l.kind === 'fc') as LayerSpec;
	const stem = body[0] as LayerSpec;
	const input: ShapeColumn = {
		id: 'input',
		role: 'input',
		layers: [],
		side: stem.input[0],
		channels: stem.input[2],
		stride: 1,
		shortcut: false,
		se: false,
		hswish: false,
		kernel: 0,
		macs: 0
	};
	const labels = [...new Set(body.map((l) => l.block))];
	const columns = [
		input,
		...labels.map((label) =>
			column(
				label,
				label === 'stem' ? 'stem' : 'block',
				body.filter((l) => l.block === label)
			)
		),
		...(lastConv && lastConv.output[0] > 1 ? [column(lastConv.name, 'last', [lastConv])] : [])
	];
	const counts: Partial<Record<LayerKind, number>> = {};
	const counted = [...columns.flatMap((c) => c.layers), ...(head === 'classifier' ? [fc] : [])];
	for (const l of counted) counts[l.kind] = (counts[l.kind] ?? 0) + 1;
	const blocks = columns.filter((c) => c.role === 'block');
	const shape: NetworkShape = {
		version,
		resolution,
		columns,
		pooled: pool.output[2],
		classes: fc.output[2],
		counts,
		markRows: [],
		largestKernel: Math.max(...blocks.map((c) => c.kernel))
	};
	const rows: MarkRow[] = ['se', 'hswish', 'kernel'];
	shape.markRows = rows.filter((row) => {
		const marked = blocks.filter((c) => hasMark(shape, row, c)).length;
		return marked > 0 && marked < blocks.length;
	});
	return shape;
}

/** The columns where a detection head (SSD) reads: the last map at 1/16 of the input and the last. */
export function detectionSources(shape: NetworkShape): number[] {
	const cols = shape.columns;
	const sixteenth = cols.findLastIndex((c) => c.side === Math.ceil(shape.resolution / 16));
	return [sixteenth, cols.length - 1].filter((i, k, all) => i > 0 && all.indexOf(i) === k);
}

/** Text widths are estimated (the layout is pure): CJK and Hangul take 1em, other text ~0.6em. */
export function estimateWidth(text: string, fontPx: number): number {
	let ems = 0;
	for (const ch of text)
		ems += /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.6;
	return ems * fontPx;
}

export interface RunLabel {
	/** First and last column of the run. */
	from: number;
	to: number;
	value: number;
	text: string;
	x: number;
}

/**
 * Runs of equal values along the columns, each labelled at its centre; a label that would
 * overlap the last one kept is dropped (the last run always keeps its own: it ends the funnel).
 * `texts` gives the candidate texts for a run, longest first: the first that fits its run is used.
 * A label is kept within [min, max] whole, so the first and last do not run off the figure.
 */
export function runLabels(
	values: readonly number[],
	centre: (i: number) => number,
	step: number,
	texts: (value: number) => string[],
	fontPx: number,
	[min, max]: readonly [number, number] = [-Infinity, Infinity]
): RunLabel[] {
	const runs: { from: number; to: number; value: number }[] = [];
	values.forEach((value, i) => {
		const last = runs[runs.length - 1];
		if (last && last.value === value) last.to = i;
		else runs.push({ from: i, to: i, value });
	});
	const gap = fontPx * 0.5;
	const placed: (RunLabel & { width: number })[] = [];
	for (const run of runs) {
		const room = (run.to - run.from + 1) * step;
		const options = texts(run.value);
		const text =
			options.find((t) => estimateWidth(t, fontPx) <= room) ?? (options.at(-1) as string);
		const width = estimateWidth(text, fontPx);
		const x = Math.min(
			Math.max((centre(run.from) + centre(run.to)) / 2, min + width / 2),
			max - width / 2
		);
		const label = { ...run, text, x, width };
		const prev = placed[placed.length - 1];
		const clash = (a: typeof label, b: typeof label) =>
			Math.abs(a.x - b.x) < (a.width + b.width) / 2 + gap;
		if (prev && clash(prev, label)) {
			if (run !== runs[runs.length - 1]) continue;
			placed.pop();
		}
		placed.push(label);
	}
	return placed.map(({ width: _, ...label }) => label);
}

export interface ShapeLayoutOptions {
	width: number;
	fontPx: number;
	head: ShapeHead;
	metric: ShapeMetric;
	/** Height of the slabs' band: the input's slab fills it. */
	band: number;
	/** Room for the metric's tick labels, at the left. */
	tickLabelWidth: number;
	/** A channel count and a side as printed, longest first (runLabels takes the first that fits). */
	channelTexts: (channels: number) => string[];
	sideTexts: (side: number) => string[];
}

export interface SlabStripe {
	kind: LayerKind;
	x: number;
	width: number;
	y: number;
	height: number;
}

export interface PlacedColumn extends ShapeColumn {
	index: number;
	/** Centre of the column, and the slab's box. */
	cx: number;
	x: number;
	width: number;
	y: number;
	height: number;
	stripes: SlabStripe[];
	/** The metric bar (zero height without a metric, and for the input). */
	barY: number;
	barHeight: number;
}

export interface ShapeLayout {
	columns: PlacedColumn[];
	step: number;
	/** Vertical centre line of the slabs. */
	mid: number;
	/** Channel counts above the slabs and sides below them, each hugging its run's slabs. */
	channelLabels: (RunLabel & { y: number })[];
	sideLabels: (RunLabel & { y: number })[];
	/** One y per row of marks: stride 2 first, then `shape.markRows` in order. */
	rowYs: number[];
	/** The whole figure's height. */
	height: number;
	/** The metric chart's band; ticks with their y. */
	chartTop: number;
	chartBottom: number;
	ticks: { value: number; y: number }[];
	left: number;
	right: number;
	/** The head's area, right of the columns (empty when there is none). */
	headLeft: number;
	headRight: number;
	/** Shortcut arcs, over the slabs: from the centre of the column before to the column's own. */
	arcs: { from: number; to: number; y: number; rise: number }[];
}

/**
 * The figure's geometry. Slab heights are to scale of the map's side (the input's fills the
 * band), centred on one line so the body reads as a funnel, with its channel counts above and its
 * sides below following the outline; the metric's bars share one linear scale from zero.
 */
export function shapeLayout(shape: NetworkShape, o: ShapeLayoutOptions): ShapeLayout {
	const line = o.fontPx * 1.25;
	const pad = 2;
	const left = pad + (o.metric === 'none' ? 0 : o.tickLabelWidth);
	const headWidth =
		o.head === 'none' ? 0 : Math.min(Math.max(o.width * 0.2, 5 * o.fontPx), 12 * o.fontPx);
	const right = o.width - pad - headWidth;
	const n = shape.columns.length;
	const step = (right - left) / n;
	const slabWidth = Math.max(2, step * 0.72);
	const rise = shape.columns.some((c) => c.shortcut) ? line * 0.5 : 0;
	const slabTop = pad + line;
	const slabBottom = slabTop + o.band;
	const mid = (slabTop + slabBottom) / 2;
	const side = scaleLinear().domain([0, shape.resolution]).range([0, o.band]);
	const rowsTop = slabBottom + line * 1.1;
	const rowYs = [0, ...shape.markRows].map((_, i) => rowsTop + (i + 0.5) * line);
	const chartHeight = o.metric === 'none' ? 0 : Math.max(3.5 * line, o.band * 0.55);
	const chartTop = rowsTop + rowYs.length * line + (chartHeight > 0 ? line * 0.3 : 0);
	const chartBottom = chartTop + chartHeight;
	const height = chartBottom + pad;
	const values = shape.columns.map((c) =>
		c.role === 'input' ? 0 : o.metric === 'macs' ? c.macs : o.metric === 'channels' ? c.channels : 0
	);
	const y = scaleLinear()
		.domain([0, Math.max(...values, 1)])
		.range([chartBottom, chartTop + line * 1.4]);
	const ticks = o.metric === 'none' ? [] : y.ticks(3).map((value) => ({ value, y: y(value) }));
	const columns = shape.columns.map((c, index): PlacedColumn => {
		const cx = left + step * (index + 0.5);
		const x = cx - slabWidth / 2;
		const height = Math.max(side(c.side), 1);
		const stripeWidth = slabWidth / Math.max(c.layers.length, 1);
		const stripes = c.layers.map((l, k) => {
			const h = Math.max(side(l.side), 1);
			return {
				kind: l.kind,
				x: x + k * stripeWidth,
				width: stripeWidth,
				y: mid - h / 2,
				height: h
			};
		});
		const value = values[index] as number;
		return {
			...c,
			index,
			cx,
			x,
			width: slabWidth,
			y: mid - height / 2,
			height,
			stripes,
			barY: y(value),
			barHeight: o.metric === 'none' ? 0 : chartBottom - y(value)
		};
	});
	const arcs = columns.flatMap((c, i) => {
		const prev = columns[i - 1];
		if (!c.shortcut || !prev) return [];
		const y = Math.min(prev.y, c.y, ...prev.stripes.map((s) => s.y), ...c.stripes.map((s) => s.y));
		return [{ from: prev.cx, to: c.cx, y: y - 1, rise }];
	});
	const centre = (i: number) => (columns[i] as PlacedColumn).cx;
	const span = (l: RunLabel) => columns.slice(l.from, l.to + 1);
	// A block's expansion runs at its input's side, taller than its output: labels clear every stripe.
	const top = (c: PlacedColumn) => Math.min(c.y, ...c.stripes.map((s) => s.y));
	const bottom = (c: PlacedColumn) =>
		Math.max(c.y + c.height, ...c.stripes.map((s) => s.y + s.height));
	const channelLabels = runLabels(
		columns.map((c) => c.channels),
		centre,
		step,
		o.channelTexts,
		o.fontPx,
		[pad, right]
	).map((l) => {
		const cols = span(l);
		const arched = cols.some((c) => c.shortcut) ? rise : 0;
		return { ...l, y: Math.min(...cols.map(top)) - arched - o.fontPx * 0.35 };
	});
	const sideLabels = runLabels(
		columns.map((c) => c.side),
		centre,
		step,
		o.sideTexts,
		o.fontPx,
		[pad, right]
	).map((l) => {
		return { ...l, y: Math.max(...span(l).map(bottom)) + o.fontPx * 1.05 };
	});
	return {
		columns,
		step,
		mid,
		channelLabels,
		sideLabels,
		rowYs,
		height,
		chartTop,
		chartBottom,
		ticks,
		left,
		right,
		headLeft: right + (headWidth > 0 ? o.fontPx * 0.6 : 0),
		headRight: o.width - pad,
		arcs
	};
}
