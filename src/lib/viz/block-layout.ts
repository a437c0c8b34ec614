/**
 * The V2 inverted residual and V3 squeeze-and-excite blocks as the engine builds them, and the
 * geometry of their diagrams: tensors drawn with heights to scale of their channel counts.
 */
import { scaleLinear } from 'd3';
import {
	mobilenetV2,
	mobilenetV3Large,
	pointwiseConvCost,
	standardConvCost,
	type Activation,
	type LayerSpec
} from '$lib/architecture';
import { hsigmoid, relu } from './activations';
import { seededRandom } from '$lib/random';

export type StageKind = 'input' | 'expand' | 'depthwise' | 'project' | 'reduce' | 'conv' | 'add';

/** One layer of a block: what it makes, how wide, at what cost. */
export interface Stage {
	kind: StageKind;
	/** Output channels. */
	channels: number;
	/** Output side. */
	size: number;
	activation: Activation | 'none';
	macs: number;
}

export interface Block {
	/** The engine's block label, e.g. 'block 2'. */
	block: string;
	id: number;
	stages: Stage[];
	stride: number;
	/** Whether the input is added back (stride 1 and equal widths). */
	shortcut: boolean;
	macs: number;
}

function blockNumber(label: string): number {
	return Number(label.replace('block ', ''));
}

function stageOf(layer: LayerSpec): Stage {
	// Keras calls block 0's projection 'expanded_conv_project': test for 'project' first.
	const kind: StageKind =
		layer.kind === 'depthwise'
			? 'depthwise'
			: layer.kind === 'add'
				? 'add'
				: layer.name.endsWith('project')
					? 'project'
					: 'expand';
	return {
		kind,
		channels: layer.output[2],
		size: layer.output[0],
		activation: layer.activation,
		macs: layer.macs
	};
}

/** Every inverted residual block of MobileNet V2 (α 1, 224), read from the engine. */
export function v2Blocks(): Block[] {
	const layers = mobilenetV2().layers.filter((l) => l.block.startsWith('block '));
	const labels = [...new Set(layers.map((l) => l.block))];
	return labels.map((label) => {
		const own = layers.filter((l) => l.block === label);
		const first = own[0] as LayerSpec;
		const dw = own.find((l) => l.kind === 'depthwise') as LayerSpec;
		const input: Stage = {
			kind: 'input',
			channels: first.input[2],
			size: first.input[0],
			activation: 'none',
			macs: 0
		};
		const stages = [input, ...own.map(stageOf)];
		return {
			block: label,
			id: blockNumber(label),
			stages,
			stride: dw.stride,
			shortcut: own.some((l) => l.kind === 'add'),
			macs: own.reduce((sum, l) => sum + l.macs, 0)
		};
	});
}

/**
 * The classic residual bottleneck (He et al.) with the same two widths reversed: wide → 1×1
 * reduce → 3×3 standard conv → 1×1 expand → add. Costs from the engine's formulas.
 */
export function classicBottleneck(wide: number, narrow: number, size: number): Block {
	const stages: Stage[] = [
		{ kind: 'input', channels: wide, size, activation: 'none', macs: 0 },
		{
			kind: 'reduce',
			channels: narrow,
			size,
			activation: 'relu',
			macs: pointwiseConvCost(wide, narrow, size)
		},
		{
			kind: 'conv',
			channels: narrow,
			size,
			activation: 'relu',
			macs: standardConvCost(3, narrow, narrow, size)
		},
		{
			kind: 'expand',
			channels: wide,
			size,
			activation: 'relu',
			macs: pointwiseConvCost(narrow, wide, size)
		},
		{ kind: 'add', channels: wide, size, activation: 'relu', macs: 0 }
	];
	return {
		block: 'classic',
		id: -1,
		stages,
		stride: 1,
		shortcut: true,
		macs: stages.reduce((sum, s) => sum + s.macs, 0)
	};
}

export interface TensorBox {
	x: number;
	y: number;
	width: number;
	height: number;
	stage: Stage;
}

/**
 * Boxes for a block's tensors, left to right: height to scale of the channels (shared `maxChannels`
 * so two blocks drawn side by side compare), width shrinking with the spatial side.
 */
export function blockBoxes(
	block: Block,
	options: { maxChannels: number; height: number; width: number; spacing: number }
): TensorBox[] {
	const height = scaleLinear().domain([0, options.maxChannels]).range([0, options.height]);
	const firstSize = block.stages[0]?.size ?? 1;
	return block.stages.map((stage, k) => {
		const h = Math.max(2, height(stage.channels));
		const w = Math.max(options.width * 0.35, (options.width * stage.size) / firstSize);
		return {
			x: k * options.spacing + (options.width - w) / 2,
			y: (options.height - h) / 2,
			width: w,
			height: h,
			stage
		};
	});
}

/** A V3-Large block with squeeze-and-excite: its width and the engine's squeezed width. */
export interface SeBlock {
	block: string;
	channels: number;
	squeezed: number;
	size: number;
	macs: number;
}

export function v3SeBlocks(): SeBlock[] {
	return mobilenetV3Large()
		.layers.filter((l) => l.kind === 'se')
		.map((l) => ({
			block: l.block,
			channels: l.output[2],
			squeezed: l.seChannels ?? 0,
			size: l.output[0],
			macs: l.macs
		}));
}

/** A worked squeeze-and-excite example with small numbers, every stage computed from the last. */
export interface SeExample {
	/** [channel][position] of a small map. */
	map: number[][];
	pooled: number[];
	/** After FC down and ReLU. */
	squeezed: number[];
	/** After FC up (before the gate). */
	excited: number[];
	/** h-sigmoid of excited: each channel's scale in [0, 1]. */
	gates: number[];
	scaled: number[][];
}

/** Side of the example's map. */
export const SE_MAP_SIDE = 4;

export function seExample(channels: number, squeezed: number, seed: number): SeExample {
	const random = seededRandom(seed);
	const cells = SE_MAP_SIDE * SE_MAP_SIDE;
	const map = Array.from({ length: channels }, () =>
		Array.from({ length: cells }, () => Math.floor(random() * 7))
	);
	const pooled = map.map((values) => values.reduce((s, v) => s + v, 0) / cells);
	// Uniform weights scaled by fan-in (Glorot-like) and small biases, as a trained layer might have.
	const weight = (fanIn: number) => ((random() * 2 - 1) * 3) / Math.sqrt(fanIn);
	const down = Array.from({ length: squeezed }, () => ({
		w: pooled.map(() => weight(channels)),
		b: random() * 2 - 1
	}));
	const up = Array.from({ length: channels }, () => ({
		w: Array.from({ length: squeezed }, () => weight(squeezed)),
		b: random() * 2 - 1
	}));
	const dense = (layer: { w: number[]; b: number }, x: number[]) =>
		layer.w.reduce((s, w, k) => s + w * (x[k] ?? 0), layer.b);
	const squeezedValues = down.map((layer) => relu(dense(layer, pooled)));
	const excited = up.map((layer) => dense(layer, squeezedValues));
	const gates = excited.map(hsigmoid);
	const scaled = map.map((values, c) => values.map((v) => v * (gates[c] ?? 0)));
	return { map, pooled, squeezed: squeezedValues, excited, gates, scaled };
}

export interface HeatPath {
	/** 1…levels: the darker, the larger. */
	level: number;
	d: string;
}

/**
 * Cells of a [column][row] grid of non-negative values as one path per shade, so a map of
 * thousands of cells costs a handful of SVG elements. Cell (c, j) spans [c, c+1]×[j, j+1].
 */
export function heatPaths(columns: number[][], max: number, levels: number): HeatPath[] {
	const parts: string[][] = Array.from({ length: levels }, () => []);
	columns.forEach((values, c) => {
		values.forEach((value, j) => {
			const level = Math.min(levels, Math.round((Math.max(0, value) / max) * levels));
			if (level > 0) parts[level - 1]?.push(`M${c},${j}h1v1h-1z`);
		});
	});
	return parts
		.map((cells, k) => ({ level: k + 1, d: cells.join('') }))
		.filter((path) => path.d !== '');
}

export interface BlockFitOptions {
	/** Tensors in the row. */
	count: number;
	/** Box width and the least gap between boxes, in drawing units. */
	box: number;
	minGap: number;
	/** Height of the drawing without its labels, in units (boxes and the shortcut's arc). */
	height: number;
	/** Label size, and the widest label that sits between two boxes, in CSS pixels. */
	labelPx: number;
	widestLabelPx: number;
	maxWidthPx: number;
	maxHeightPx: number;
}

/**
 * The scale (CSS pixels per unit) and the box spacing (units) of a block drawing: as large as fits
 * `maxWidthPx` × `maxHeightPx`, with two lines of labels at their true size below and between the
 * boxes, and every gap wide enough for the label it holds. The width grows with the scale, so a
 * bisection finds the largest that fits.
 *
 * However small the scale, the labels between the boxes take (count − 1) × their width: a width
 * narrower than that (a container caught mid-layout) cannot hold them at their true size. Then the
 * drawing keeps the scale at which the widest label just fills the least gap, and the page shrinks
 * it to the width (labels and all), rather than a scale of 0 and gaps of infinite width.
 */
export function blockDrawingFit(options: BlockFitOptions): { scale: number; spacing: number } {
	const { count, box, minGap, height, labelPx, widestLabelPx, maxWidthPx, maxHeightPx } = options;
	const spacing = (scale: number) => box + Math.max(minGap, widestLabelPx / scale + 2);
	const width = (scale: number) => scale * ((count - 1) * spacing(scale) + box + 4);
	const tallest = (maxHeightPx - 2 * labelPx) / height;
	const fallback = Math.min(widestLabelPx / (minGap - 2), tallest > 0 ? tallest : Infinity);
	const least = fallback > 0 && Number.isFinite(fallback) ? fallback : 1;
	if (!(tallest > 0) || !(maxWidthPx > (count - 1) * widestLabelPx)) {
		return { scale: least, spacing: spacing(least) };
	}
	if (width(tallest) <= maxWidthPx) return { scale: tallest, spacing: spacing(tallest) };
	let low = 0;
	let high = tallest;
	for (let round = 0; round < 30; round++) {
		const mid = (low + high) / 2;
		if (width(mid) <= maxWidthPx) low = mid;
		else high = mid;
	}
	return low > 0
		? { scale: low, spacing: spacing(low) }
		: { scale: least, spacing: spacing(least) };
}
