/**
 * MobileNet V2 (Sandler et al. 2018, Table 2) as Keras applications builds it, with its layer
 * names: Conv1, expanded_conv_depthwise, expanded_conv_project, block_1_expand, ...,
 * block_16_project, Conv_1, predictions. ReLU6 throughout; no biases (BatchNorm instead).
 */
import { withDefaults } from './config';
import {
	classifier,
	depthwiseConv,
	globalPool,
	networkInput,
	pointwiseConv,
	residualAdd,
	standardConv
} from './layers';
import { makeDivisible } from './rounding';
import { assembleSpec } from './totals';
import type { LayerSpec, NetworkSpec } from './types';

/** Paper Table 2 rows: expansion t, output channels c, repeats n, first stride s. */
const V2_STAGES: ReadonlyArray<readonly [t: number, c: number, n: number, s: number]> = [
	[1, 16, 1, 1],
	[6, 24, 2, 2],
	[6, 32, 3, 2],
	[6, 64, 4, 2],
	[6, 96, 3, 1],
	[6, 160, 3, 2],
	[6, 320, 1, 1]
];

/** One entry per bottleneck block: only the first of a stage strides. */
const V2_BLOCKS = V2_STAGES.flatMap(([t, c, n, s]) =>
	Array.from({ length: n }, (_, i) => ({ t, c, stride: i === 0 ? s : 1 }))
);

const V2_STEM_FILTERS = 32;
const V2_LAST_FILTERS = 1280;

/** Expand (1×1) → depthwise 3×3 → linear project (1×1), plus a shortcut where shapes allow. */
function bottleneck(
	src: LayerSpec,
	id: number,
	b: { t: number; c: number; stride: number },
	alpha: number
): { layers: LayerSpec[]; out: LayerSpec } {
	const inChannels = src.output[2];
	// Keras truncates c·α before rounding, which can differ from rounding c·α directly.
	const outChannels = makeDivisible(Math.trunc(b.c * alpha), 8);
	// Keras gives block 0 (t = 1, no expand layer) the prefix 'expanded_conv_'.
	const prefix = id === 0 ? 'expanded_conv_' : `block_${id}_`;
	const block = `block ${id}`;
	const expand =
		id === 0
			? null
			: pointwiseConv(src, {
					name: `${prefix}expand`,
					block,
					filters: b.t * inChannels,
					activation: 'relu6',
					bnName: `${prefix}expand_BN`,
					activationName: `${prefix}expand_relu`
				});
	const dw = depthwiseConv(expand ?? src, {
		name: `${prefix}depthwise`,
		block,
		kernel: 3,
		stride: b.stride,
		activation: 'relu6',
		bnName: `${prefix}depthwise_BN`,
		activationName: `${prefix}depthwise_relu`
	});
	// Linear bottleneck: no activation after the projection (the paper's key point).
	const project = pointwiseConv(dw, {
		name: `${prefix}project`,
		block,
		filters: outChannels,
		activation: 'linear',
		bnName: `${prefix}project_BN`
	});
	const main = [...(expand ? [expand] : []), dw, project];
	if (!(b.stride === 1 && inChannels === outChannels)) return { layers: main, out: project };
	const add = residualAdd(src, project, { name: `${prefix}add`, block });
	return { layers: [...main, add], out: add };
}

export function mobilenetV2(alpha = 1, resolution = 224, classes = 1000): NetworkSpec {
	const config = withDefaults({ version: 'v2', alpha, resolution, classes });
	const stem = standardConv(networkInput(resolution), {
		name: 'Conv1',
		block: 'stem',
		kernel: 3,
		stride: 2,
		filters: makeDivisible(V2_STEM_FILTERS * alpha, 8),
		activation: 'relu6',
		bnName: 'bn_Conv1',
		activationName: 'Conv1_relu'
	});
	const layers: LayerSpec[] = [stem];
	let prev: LayerSpec = stem;
	V2_BLOCKS.forEach((b, id) => {
		const { layers: blockLayers, out } = bottleneck(prev, id, b, alpha);
		layers.push(...blockLayers);
		prev = out;
	});
	// The paper keeps the last 1×1 conv at 1280 for α ≤ 1 ("no alpha applied to last conv").
	const lastConv = pointwiseConv(prev, {
		name: 'Conv_1',
		block: 'head',
		filters: alpha > 1 ? makeDivisible(V2_LAST_FILTERS * alpha, 8) : V2_LAST_FILTERS,
		activation: 'relu6',
		bnName: 'Conv_1_bn',
		activationName: 'out_relu'
	});
	const pool = globalPool(lastConv, {
		name: 'global_average_pooling2d',
		block: 'head',
		activation: 'linear'
	});
	// Keras' V2 classifier is a Dense layer named 'predictions' with the softmax built in.
	const preds = classifier(pool, {
		name: 'predictions',
		block: 'head',
		activation: 'softmax',
		classes
	});
	return assembleSpec(config, [...layers, lastConv, pool, preds]);
}
