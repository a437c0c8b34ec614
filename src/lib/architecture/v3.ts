/**
 * MobileNet V3-Large and V3-Small (Howard et al. 2019, Tables 1 and 2) as Keras applications
 * builds them, with the tf.keras layer names (Conv, expanded_conv/depthwise,
 * expanded_conv_1/expand, .../squeeze_excite, .../project, .../Add, Conv_1, Conv_2, Logits).
 * Keras 3 renamed these to lower case (conv, expanded_conv_1_expand, ...); the weights are the same.
 */
import { withDefaults } from './config';
import {
	classifier,
	depthwiseConv,
	globalPool,
	networkInput,
	pointwiseConv,
	residualAdd,
	squeezeExcite,
	standardConv
} from './layers';
import { makeDivisible } from './rounding';
import { assembleSpec } from './totals';
import type { Activation, LayerSpec, NetworkSpec, Version } from './types';

/** One bneck row of the paper's table: kernel, expansion size, output width, SE, NL, stride. */
interface Bneck {
	readonly kernel: number;
	readonly exp: number;
	readonly out: number;
	readonly se: boolean;
	readonly act: Activation;
	readonly stride: number;
}

const RE = 'relu';
const HS = 'hswish';
const row = (
	kernel: number,
	exp: number,
	out: number,
	se: boolean,
	act: Activation,
	stride: number
): Bneck => ({ kernel, exp, out, se, act, stride });

/** Paper Table 1 (V3-Large), at α = 1. */
const LARGE: readonly Bneck[] = [
	row(3, 16, 16, false, RE, 1),
	row(3, 64, 24, false, RE, 2),
	row(3, 72, 24, false, RE, 1),
	row(5, 72, 40, true, RE, 2),
	row(5, 120, 40, true, RE, 1),
	row(5, 120, 40, true, RE, 1),
	row(3, 240, 80, false, HS, 2),
	row(3, 200, 80, false, HS, 1),
	row(3, 184, 80, false, HS, 1),
	row(3, 184, 80, false, HS, 1),
	row(3, 480, 112, true, HS, 1),
	row(3, 672, 112, true, HS, 1),
	row(5, 672, 160, true, HS, 2),
	row(5, 960, 160, true, HS, 1),
	row(5, 960, 160, true, HS, 1)
];

/** Paper Table 2 (V3-Small), at α = 1. */
const SMALL: readonly Bneck[] = [
	row(3, 16, 16, true, RE, 2),
	row(3, 72, 24, false, RE, 2),
	row(3, 88, 24, false, RE, 1),
	row(5, 96, 40, true, HS, 2),
	row(5, 240, 40, true, HS, 1),
	row(5, 240, 40, true, HS, 1),
	row(5, 120, 48, true, HS, 1),
	row(5, 144, 48, true, HS, 1),
	row(5, 288, 96, true, HS, 2),
	row(5, 576, 96, true, HS, 1),
	row(5, 576, 96, true, HS, 1)
];

interface Variant {
	readonly version: Extract<Version, 'v3-large' | 'v3-small'>;
	readonly rows: readonly Bneck[];
	/** Width of Conv_2, the 1×1 conv after pooling (paper: 1280 Large, 1024 Small). */
	readonly headWidth: number;
}

const V3_LARGE: Variant = { version: 'v3-large', rows: LARGE, headWidth: 1280 };
const V3_SMALL: Variant = { version: 'v3-small', rows: SMALL, headWidth: 1024 };

/** The stem is 16 wide at every α in Keras (TF-slim scales it; the released weights agree at 1.0). */
const V3_STEM_FILTERS = 16;
const SE_RATIO = 0.25;
/** Conv_1 is 6× the last block's width (960 = 6·160 Large, 576 = 6·96 Small). */
const LAST_CONV_EXPANSION = 6;

/** Expand → depthwise → (squeeze-excite) → linear project, with a shortcut where shapes allow. */
function bneck(
	src: LayerSpec,
	id: number,
	r: Bneck,
	paperIn: number,
	alpha: number
): { layers: LayerSpec[]; out: LayerSpec } {
	const inChannels = src.output[2];
	const outChannels = makeDivisible(r.out * alpha);
	// Keras scales the expansion as a ratio of the actual input width: exp/in of the table.
	const expanded = makeDivisible(inChannels * (r.exp / paperIn));
	const prefix = id === 0 ? 'expanded_conv/' : `expanded_conv_${id}/`;
	const block = `block ${id}`;
	const expand =
		id === 0
			? null
			: pointwiseConv(src, {
					name: `${prefix}expand`,
					block,
					filters: expanded,
					activation: r.act,
					bnName: `${prefix}expand/BatchNorm`
				});
	const dw = depthwiseConv(expand ?? src, {
		name: `${prefix}depthwise`,
		block,
		kernel: r.kernel,
		stride: r.stride,
		activation: r.act,
		bnName: `${prefix}depthwise/BatchNorm`
	});
	const se = r.se
		? squeezeExcite(dw, {
				name: `${prefix}squeeze_excite`,
				block,
				squeezed: makeDivisible(expanded * SE_RATIO)
			})
		: null;
	const project = pointwiseConv(se ?? dw, {
		name: `${prefix}project`,
		block,
		filters: outChannels,
		activation: 'linear',
		bnName: `${prefix}project/BatchNorm`
	});
	const main = [...(expand ? [expand] : []), dw, ...(se ? [se] : []), project];
	if (!(r.stride === 1 && inChannels === outChannels)) return { layers: main, out: project };
	const add = residualAdd(src, project, { name: `${prefix}Add`, block });
	return { layers: [...main, add], out: add };
}

function mobilenetV3(
	variant: Variant,
	alpha: number,
	resolution: number,
	classes: number
): NetworkSpec {
	const config = withDefaults({ version: variant.version, alpha, resolution, classes });
	const stem = standardConv(networkInput(resolution), {
		name: 'Conv',
		block: 'stem',
		kernel: 3,
		stride: 2,
		filters: V3_STEM_FILTERS,
		activation: HS,
		bnName: 'Conv/BatchNorm'
	});
	const layers: LayerSpec[] = [stem];
	let prev = stem;
	let paperIn = V3_STEM_FILTERS;
	variant.rows.forEach((r, id) => {
		const { layers: blockLayers, out } = bneck(prev, id, r, paperIn, alpha);
		layers.push(...blockLayers);
		prev = out;
		paperIn = r.out;
	});
	const lastConv = pointwiseConv(prev, {
		name: 'Conv_1',
		block: 'head',
		filters: makeDivisible(prev.output[2] * LAST_CONV_EXPANSION),
		activation: HS,
		bnName: 'Conv_1/BatchNorm'
	});
	const pool = globalPool(lastConv, {
		name: 'global_average_pooling2d',
		block: 'head',
		activation: 'linear'
	});
	// Applied after pooling, so it costs only C·1280 (an early tf.keras put it before the pool).
	// Not narrowed for α < 1, widened for α > 1, as in Keras.
	const headConv = pointwiseConv(pool, {
		name: 'Conv_2',
		block: 'head',
		filters: alpha > 1 ? makeDivisible(variant.headWidth * alpha) : variant.headWidth,
		activation: HS,
		useBias: true
	});
	const logits = classifier(headConv, {
		name: 'Logits',
		block: 'head',
		activation: 'softmax',
		activationName: 'Predictions',
		classes
	});
	return assembleSpec(config, [...layers, lastConv, pool, headConv, logits]);
}

export function mobilenetV3Large(alpha = 1, resolution = 224, classes = 1000): NetworkSpec {
	return mobilenetV3(V3_LARGE, alpha, resolution, classes);
}

export function mobilenetV3Small(alpha = 1, resolution = 224, classes = 1000): NetworkSpec {
	return mobilenetV3(V3_SMALL, alpha, resolution, classes);
}
