/**
 * Constructors for single layers: each derives its output shape and its costs from its input,
 * so every network builder gets shapes, mult-adds and parameter counts the same way.
 */
import {
	depthwiseConvCost,
	depthwiseConvParams,
	pointwiseConvCost,
	pointwiseConvParams,
	standardConvCost,
	standardConvParams
} from './costs';
import type { Activation, LayerSpec, Shape } from './types';

/** What a layer reads: an earlier layer, or the network input (name null). */
export interface Source {
	readonly name: string | null;
	readonly output: Shape;
}

export function networkInput(resolution: number): Source {
	return { name: null, output: [resolution, resolution, 3] };
}

/** Fields every constructor takes. A BatchNorm follows exactly when bnName is given. */
export interface Naming {
	name: string;
	block: string;
	activation: Activation;
	bnName?: string;
	activationName?: string;
}

/** SAME padding (and Keras' correct_pad + VALID, which matches it): ceil(size / stride). */
export function outputSize(size: number, stride: number): number {
	return Math.ceil(size / stride);
}

const BN_PARAMS_PER_CHANNEL = 4; // gamma, beta, moving mean, moving variance

/** The fields every layer shares, from what it reads and how Keras names it. */
function common(src: Source, n: Naming, useBias: boolean) {
	return {
		name: n.name,
		block: n.block,
		activation: n.activation,
		useBias,
		batchNorm: n.bnName !== undefined,
		...(n.bnName !== undefined && { bnName: n.bnName }),
		...(n.activationName !== undefined && { activationName: n.activationName }),
		inputs: src.name === null ? [] : [src.name],
		input: src.output
	};
}

/** Keras parameters beyond the weights: a bias and BatchNorm's four values per output channel. */
function biasAndBnParams(n: Naming, channels: number, useBias: boolean): number {
	return (useBias ? channels : 0) + (n.bnName !== undefined ? BN_PARAMS_PER_CHANNEL * channels : 0);
}

/** A standard k×k convolution (the stem of every MobileNet). */
export function standardConv(
	src: Source,
	n: Naming & { kernel: number; stride: number; filters: number; useBias?: boolean }
): LayerSpec {
	const [h, w, m] = src.output;
	const out = outputSize(h, n.stride);
	const useBias = n.useBias ?? false;
	const params = standardConvParams(n.kernel, m, n.filters);
	return {
		...common(src, n, useBias),
		kind: 'conv',
		kernel: n.kernel,
		stride: n.stride,
		output: [out, outputSize(w, n.stride), n.filters],
		macs: standardConvCost(n.kernel, m, n.filters, out),
		params,
		kerasParams: params + biasAndBnParams(n, n.filters, useBias)
	};
}

/** One k×k filter per channel. */
export function depthwiseConv(
	src: Source,
	n: Naming & { kernel: number; stride: number }
): LayerSpec {
	const [h, w, m] = src.output;
	const out = outputSize(h, n.stride);
	const params = depthwiseConvParams(n.kernel, m);
	return {
		...common(src, n, false),
		kind: 'depthwise',
		kernel: n.kernel,
		stride: n.stride,
		output: [out, outputSize(w, n.stride), m],
		macs: depthwiseConvCost(n.kernel, m, out),
		params,
		kerasParams: params + biasAndBnParams(n, m, false)
	};
}

/** A 1×1 convolution (V1's pw, V2/V3's expand and project, the 1×1 head convs). */
export function pointwiseConv(
	src: Source,
	n: Naming & { filters: number; useBias?: boolean }
): LayerSpec {
	const [h, w, m] = src.output;
	const useBias = n.useBias ?? false;
	const params = pointwiseConvParams(m, n.filters);
	return {
		...common(src, n, useBias),
		kind: 'pointwise',
		kernel: 1,
		stride: 1,
		output: [h, w, n.filters],
		macs: pointwiseConvCost(m, n.filters, h),
		params,
		kerasParams: params + biasAndBnParams(n, n.filters, useBias)
	};
}

/** The classifier: a fully connected layer with bias on the pooled 1×1×C vector. */
export function classifier(src: Source, n: Naming & { classes: number }): LayerSpec {
	const [, , m] = src.output;
	const params = pointwiseConvParams(m, n.classes);
	return {
		...common(src, n, true),
		kind: 'fc',
		kernel: 1,
		stride: 1,
		output: [1, 1, n.classes],
		macs: pointwiseConvCost(m, n.classes, 1),
		params,
		kerasParams: params + biasAndBnParams(n, n.classes, true)
	};
}

/** Global average pooling; its kernel is the whole map (paper Table 1: "Avg Pool 7×7"). */
export function globalPool(src: Source, n: Naming): LayerSpec {
	const [h, , c] = src.output;
	return {
		...common(src, n, false),
		kind: 'pool',
		kernel: h,
		stride: 1,
		output: [1, 1, c],
		macs: 0,
		params: 0,
		kerasParams: 0
	};
}

/**
 * Squeeze-and-excite as one composite layer: global pool → 1×1 conv C→r (bias, ReLU) →
 * 1×1 conv r→C (bias, hard-sigmoid) → per-channel multiply. Only its two 1×1 convs count.
 * Its gate is internal, so nothing is applied after it: activation 'linear'.
 */
export function squeezeExcite(
	src: Source,
	n: Omit<Naming, 'activation' | 'bnName' | 'activationName'> & { squeezed: number }
): LayerSpec {
	const [, , c] = src.output;
	const r = n.squeezed;
	const weights = pointwiseConvParams(c, r) + pointwiseConvParams(r, c);
	return {
		...common(src, { ...n, activation: 'linear' }, true),
		kind: 'se',
		kernel: 1,
		stride: 1,
		output: src.output,
		macs: pointwiseConvCost(c, r, 1) + pointwiseConvCost(r, c, 1),
		params: weights,
		kerasParams: weights + r + c,
		seChannels: r
	};
}

/** Residual connection: shortcut first, as Keras' Add([shortcut, x]) lists them. */
export function residualAdd(
	shortcut: LayerSpec,
	branch: LayerSpec,
	n: Omit<Naming, 'activation' | 'bnName' | 'activationName'>
): LayerSpec {
	return {
		...common(shortcut, { ...n, activation: 'linear' }, false),
		inputs: [shortcut.name, branch.name],
		kind: 'add',
		kernel: 0,
		stride: 1,
		output: shortcut.output,
		macs: 0,
		params: 0,
		kerasParams: 0
	};
}
