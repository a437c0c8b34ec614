/**
 * Two designs drawn side by side as columns of layers (the V1 paper's Fig. 3, the V3 paper's
 * Fig. 5): a standard convolution against V1's depthwise separable block, ResNet's bottleneck
 * against V2's inverted residual, V2's last stage against V3-Large's. Every shape and count is
 * the engine's; this module only picks the layers and lays the columns out.
 */
import { scaleLinear } from 'd3';
import {
	mobilenetV1,
	mobilenetV1FullConv,
	mobilenetV2,
	mobilenetV3Large,
	type Activation,
	type LayerSpec,
	type Shape
} from '$lib/architecture';
import { classicBottleneck } from './block-layout';

export type PairName = 'separable' | 'bottleneck' | 'head';
export type ColumnId = 'standard' | 'separable' | 'classic' | 'inverted' | 'v2-head' | 'v3-head';
/** What a layer does in its design; names the layer on the figure. */
export type OpRole =
	'conv' | 'depthwise' | 'pointwise' | 'expand' | 'reduce' | 'project' | 'pool' | 'fc' | 'add';

export interface TensorRow {
	type: 'tensor';
	shape: Shape;
}

export interface OpRow {
	type: 'op';
	role: OpRole;
	/** The engine's layer kind, for its colour. */
	kind: LayerSpec['kind'];
	kernel: number;
	stride: number;
	batchNorm: boolean;
	activation: Activation;
	macs: number;
}

export type Row = TensorRow | OpRow;

export interface Column {
	id: ColumnId;
	rows: Row[];
	/** Whether the input is added back at the end (a residual block). */
	shortcut: boolean;
	macs: number;
}

function tensor(shape: Shape): TensorRow {
	return { type: 'tensor', shape };
}

function op(layer: LayerSpec, role: OpRole): OpRow {
	return {
		type: 'op',
		role,
		kind: layer.kind,
		kernel: layer.kernel,
		stride: layer.stride,
		batchNorm: layer.batchNorm,
		activation: layer.activation,
		macs: layer.macs
	};
}

/** Input, then each layer and what it makes. */
function column(id: ColumnId, layers: readonly (readonly [LayerSpec, OpRole])[]): Column {
	const first = layers[0];
	if (!first) throw new RangeError(`no layers for ${id}`);
	const rows: Row[] = [tensor(first[0].input)];
	for (const [layer, role] of layers) rows.push(op(layer, role), tensor(layer.output));
	return {
		id,
		rows,
		shortcut: layers.some(([layer]) => layer.kind === 'add'),
		macs: layers.reduce((sum, [layer]) => sum + layer.macs, 0)
	};
}

function named(layers: readonly LayerSpec[], name: string): LayerSpec {
	const layer = layers.find((l) => l.name === name);
	if (!layer) throw new RangeError(`no layer ${name}`);
	return layer;
}

function roleOf(layer: LayerSpec): OpRole {
	if (layer.kind === 'pointwise') {
		if (layer.name.endsWith('expand')) return 'expand';
		if (layer.name.endsWith('project')) return 'project';
		return 'pointwise';
	}
	return layer.kind === 'conv' || layer.kind === 'depthwise' || layer.kind === 'pool'
		? layer.kind
		: layer.kind === 'fc'
			? 'fc'
			: 'add';
}

/** V1 block `block` (1–13) as the separable pair, and the standard 3×3 layer it replaces. */
function separablePair(block: number): [Column, Column] {
	const v1 = mobilenetV1().layers;
	const full = mobilenetV1FullConv().layers;
	return [
		column('standard', [[named(full, `conv_full_${block}`), 'conv']]),
		column('separable', [
			[named(v1, `conv_dw_${block}`), 'depthwise'],
			[named(v1, `conv_pw_${block}`), 'pointwise']
		])
	];
}

/**
 * V2 block `block` (0–16) and the classic bottleneck with the same two widths reversed (as the
 * explore page's animation draws it), both on the block's input side.
 */
function bottleneckPair(block: number): [Column, Column] {
	const own = mobilenetV2().layers.filter((l) => l.block === `block ${block}`);
	const first = own[0];
	if (!first) throw new RangeError(`MobileNetV2 has no block ${block}`);
	const wide = Math.max(...own.map((l) => l.output[2]));
	const [side, , narrow] = first.input;
	const classic = classicBottleneck(wide, narrow, side);
	const roles: Record<string, OpRole> = {
		reduce: 'reduce',
		conv: 'conv',
		expand: 'expand',
		add: 'add'
	};
	// ResNet puts BatchNorm after each convolution and ReLU after each, the last after the add.
	const rows: Row[] = [];
	for (const stage of classic.stages) {
		const role = roles[stage.kind];
		if (role) {
			rows.push({
				type: 'op',
				role,
				kind: role === 'conv' ? 'conv' : role === 'add' ? 'add' : 'pointwise',
				kernel: role === 'conv' ? 3 : role === 'add' ? 0 : 1,
				stride: 1,
				batchNorm: role !== 'add',
				activation: 'relu',
				macs: stage.macs
			});
		}
		rows.push(tensor([stage.size, stage.size, stage.channels]));
	}
	return [
		{ id: 'classic', rows, shortcut: true, macs: classic.macs },
		column(
			'inverted',
			own.map((l) => [l, roleOf(l)])
		)
	];
}

/** V2's last stage against V3-Large's, from the last block's output to the class scores. */
function headPair(): [Column, Column] {
	const head = (layers: readonly LayerSpec[]) =>
		layers.filter((l) => l.block === 'head').map((l) => [l, roleOf(l)] as const);
	return [
		column('v2-head', head(mobilenetV2().layers)),
		column('v3-head', head(mobilenetV3Large().layers))
	];
}

export function blockPair(pair: PairName, block: number): [Column, Column] {
	switch (pair) {
		case 'separable':
			return separablePair(block);
		case 'bottleneck':
			return bottleneckPair(block);
		case 'head':
			return headPair();
	}
}

/** The engine's blocks a pair can show, for checking a lesson's `block` prop. */
export function pairBlocks(pair: PairName): number[] {
	if (pair === 'separable') {
		return mobilenetV1()
			.layers.filter((l) => l.kind === 'depthwise')
			.map((l) => Number(l.name.replace('conv_dw_', '')));
	}
	if (pair === 'bottleneck') {
		const labels = mobilenetV2()
			.layers.map((l) => l.block)
			.filter((b) => b.startsWith('block '));
		return [...new Set(labels)].map((b) => Number(b.replace('block ', '')));
	}
	return [];
}

export interface LaidRow {
	row: Row;
	/** Top of the row. */
	y: number;
	height: number;
	/** Lines of text the row takes (an op whose name and activation do not fit one line: two). */
	lines: number;
}

export interface ColumnLayout {
	rows: LaidRow[];
	height: number;
	/** Left edge of the text beside the drawing. */
	textX: number;
	/** The lane the tensors are drawn in: centre and widest bar. */
	laneX: number;
	laneWidth: number;
}

export interface PairScales {
	/** Widest tensor of both columns, in channels. */
	channels: number;
	/** Costliest layer of both columns. */
	macs: number;
}

/** The shared scales: both columns draw channels and mult-adds alike, so they compare. */
export function pairScales(columns: readonly Column[]): PairScales {
	const rows = columns.flatMap((c) => c.rows);
	return {
		channels: Math.max(...rows.map((r) => (r.type === 'tensor' ? r.shape[2] : 0))),
		macs: Math.max(...rows.map((r) => (r.type === 'op' ? r.macs : 0)))
	};
}

export interface ColumnOptions {
	width: number;
	/** Line height in pixels. */
	line: number;
	/** Gap between rows. */
	gap: number;
	/** Stretch the column's layers to this height (a shorter column beside a taller one). */
	minHeight?: number;
	/** Widths of each op row's name and activation, in pixels, in row order. */
	opText: readonly { name: number; activation: number }[];
}

/** Room left of the lane for a shortcut's line. */
const SHORTCUT_ROOM = 14;

/**
 * A column's rows from top to bottom: a tensor takes one line, an op two (its name and activation,
 * then its cost), one more when name and activation do not fit one line beside the drawing, one
 * less when it costs nothing. A
 * column drawn beside a taller one spreads its ops so that inputs and outputs line up.
 */
export function columnLayout(column: Column, options: ColumnOptions): ColumnLayout {
	const { width, line, gap } = options;
	const laneWidth = Math.max(36, Math.min(150, (width - SHORTCUT_ROOM) * 0.28));
	const laneX = SHORTCUT_ROOM + laneWidth / 2;
	const textX = SHORTCUT_ROOM + laneWidth + 10;
	const textWidth = width - textX;
	let op = 0;
	const sized = column.rows.map((row) => {
		if (row.type === 'tensor') return { row, lines: 1 };
		const text = options.opText[op++] ?? { name: 0, activation: 0 };
		const oneLine = text.name + text.activation <= textWidth;
		// A layer that costs nothing (a pool, an add) has no cost line.
		const costLines = row.macs > 0 ? 1 : 0;
		return { row, lines: (oneLine ? 1 : 2) + costLines };
	});
	const natural =
		sized.reduce((sum, r) => sum + r.lines * line, 0) + gap * Math.max(0, sized.length - 1);
	const ops = sized.filter((r) => r.row.type === 'op').length;
	const extra = Math.max(0, (options.minHeight ?? 0) - natural);
	const stretch = ops > 0 ? extra / ops : 0;
	let y = 0;
	const rows = sized.map(({ row, lines }) => {
		const height = lines * line + (row.type === 'op' ? stretch : 0);
		const laid = { row, y, height, lines };
		y += height + gap;
		return laid;
	});
	return { rows, height: Math.max(natural, options.minHeight ?? 0), textX, laneX, laneWidth };
}

/** Bar width for a tensor of `channels` in a lane `laneWidth` wide: to scale, never invisible. */
export function channelBar(channels: number, scales: PairScales, laneWidth: number): number {
	return Math.max(3, scaleLinear().domain([0, scales.channels]).range([0, laneWidth])(channels));
}

/** Bar length for a layer's mult-adds in `room` pixels: to scale; a layer with any cost shows. */
export function costBar(macs: number, scales: PairScales, room: number): number {
	if (macs <= 0) return 0;
	return Math.max(2, scaleLinear().domain([0, scales.macs]).range([0, room])(macs));
}
