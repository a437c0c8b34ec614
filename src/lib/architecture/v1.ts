/**
 * MobileNet V1 (Howard et al. 2017, Table 1), named layer for layer as the official Keras
 * model (conv1, conv_dw_1, conv_pw_1, ..., conv_pw_13, conv_preds) so its weights load by name.
 * Activations are ReLU6 as in the Keras/TF-slim implementation; the paper says ReLU.
 */
import { withDefaults } from './config';
import {
	classifier,
	depthwiseConv,
	globalPool,
	networkInput,
	pointwiseConv,
	standardConv
} from './layers';
import type { Naming, Source } from './layers';
import { v1Width } from './rounding';
import { assembleSpec } from './totals';
import type { LayerSpec, NetworkSpec } from './types';

/**
 * The 13 depthwise-separable blocks: the depthwise layer's stride and the pointwise layer's
 * width at α = 1. Block 13 has stride 1: Table 1 prints "Conv dw / s2" there, but its input
 * and output are both 7×7 (erratum), and the official model uses s1.
 */
export const V1_BLOCKS: ReadonlyArray<{ readonly stride: number; readonly filters: number }> = [
	{ stride: 1, filters: 64 },
	{ stride: 2, filters: 128 },
	{ stride: 1, filters: 128 },
	{ stride: 2, filters: 256 },
	{ stride: 1, filters: 256 },
	{ stride: 2, filters: 512 },
	{ stride: 1, filters: 512 },
	{ stride: 1, filters: 512 },
	{ stride: 1, filters: 512 },
	{ stride: 1, filters: 512 },
	{ stride: 1, filters: 512 },
	{ stride: 2, filters: 1024 },
	{ stride: 1, filters: 1024 }
];

const V1_STEM_FILTERS = 32;

/** Keras V1 names each layer's BN and ReLU6 after the layer. */
export function v1Naming(name: string, block: string): Naming {
	return {
		name,
		block,
		activation: 'relu6',
		bnName: `${name}_bn`,
		activationName: `${name}_relu`
	};
}

export function v1Stem(resolution: number, alpha: number): LayerSpec {
	return standardConv(networkInput(resolution), {
		...v1Naming('conv1', 'stem'),
		kernel: 3,
		stride: 2,
		filters: v1Width(V1_STEM_FILTERS, alpha)
	});
}

/** Global pool and the 1×1 classifier; Keras' reshape and dropout between them hold nothing. */
export function v1Head(src: Source, classes: number): LayerSpec[] {
	const pool = globalPool(src, {
		name: 'global_average_pooling2d_1',
		block: 'head',
		activation: 'linear'
	});
	const preds = classifier(pool, {
		name: 'conv_preds',
		block: 'head',
		activation: 'softmax',
		activationName: 'act_softmax',
		classes
	});
	return [pool, preds];
}

export function mobilenetV1(alpha = 1, resolution = 224, classes = 1000): NetworkSpec {
	const config = withDefaults({ version: 'v1', alpha, resolution, classes });
	const stem = v1Stem(resolution, alpha);
	const layers: LayerSpec[] = [stem];
	let prev: Source = stem;
	V1_BLOCKS.forEach(({ stride, filters }, i) => {
		const block = `block ${i + 1}`;
		const dw = depthwiseConv(prev, { ...v1Naming(`conv_dw_${i + 1}`, block), kernel: 3, stride });
		const pw = pointwiseConv(dw, {
			...v1Naming(`conv_pw_${i + 1}`, block),
			filters: v1Width(filters, alpha)
		});
		layers.push(dw, pw);
		prev = pw;
	});
	return assembleSpec(config, [...layers, ...v1Head(prev, classes)]);
}
