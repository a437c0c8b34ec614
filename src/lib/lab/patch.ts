/**
 * What makes one output value of a convolution: the input values under its kernel, the kernel's
 * weights and their products, which add up (with the bias) to the value before the activation.
 * Pure; the lab feeds it the real input map and the real (BatchNorm-folded) kernel of the network
 * that ran, so the sum reproduces the pixel the student clicked, up to float rounding.
 *
 * Shapes and layouts are tfjs/Keras ones: maps channels last, kernels [k, k, in, out] (a
 * depthwise kernel [k, k, in, 1]), SAME padding with the odd pixel at the bottom and right.
 */
import type { Activation } from '$lib/architecture';
import { mapSize, type FeatureMap } from '$lib/viz/feature-maps';

export type ConvKind = 'conv' | 'depthwise' | 'pointwise';

export interface ConvWeights {
	kind: ConvKind;
	/** Keras layout, flattened: [k, k, in, out] (depthwise: [k, k, in, 1]). */
	kernel: Float32Array;
	kernelShape: readonly [number, number, number, number];
	bias: Float32Array | null;
	stride: number;
	activation: Activation;
}

export interface Term {
	/** Kernel position (row, column) and the input channel it reads. */
	i: number;
	j: number;
	channel: number;
	/** Input position read; outside the map when `padded`, where the value is 0. */
	y: number;
	x: number;
	padded: boolean;
	value: number;
	weight: number;
	product: number;
}

export interface OutputTerms {
	terms: Term[];
	/** Σ products. */
	sum: number;
	bias: number;
	/** sum + bias: the value before the activation. */
	preActivation: number;
	/** The activation applied: the output value. */
	output: number;
}

/** TensorFlow's SAME padding along one axis: output size and the padding before the first pixel. */
export function samePadding(size: number, kernel: number, stride: number) {
	const out = Math.ceil(size / stride);
	const total = Math.max((out - 1) * stride + kernel - size, 0);
	return { out, before: Math.floor(total / 2) };
}

export function activate(value: number, activation: Activation): number {
	switch (activation) {
		case 'linear':
			return value;
		case 'relu':
			return Math.max(0, value);
		case 'relu6':
			return Math.min(6, Math.max(0, value));
		case 'hsigmoid':
			return Math.min(6, Math.max(0, value + 3)) / 6;
		case 'hswish':
			return (value * Math.min(6, Math.max(0, value + 3))) / 6;
		case 'softmax':
			throw new Error('softmax needs the whole vector, not one value');
	}
}

/**
 * The terms of output (y, x, channel) of a convolution over `input`. A depthwise output channel
 * reads k×k values of its own input channel; a standard one k×k of every channel; a pointwise one
 * the pixel itself in every channel.
 */
export function outputTerms(
	input: FeatureMap,
	weights: ConvWeights,
	y: number,
	x: number,
	channel: number
): OutputTerms {
	const { height, width, channels } = mapSize(input);
	const [k, , kin, kout] = weights.kernelShape;
	if (kin !== channels)
		throw new Error(`The kernel reads ${kin} channels, the input has ${channels}.`);
	const padY = samePadding(height, k, weights.stride).before;
	const padX = samePadding(width, k, weights.stride).before;
	const inputChannels = weights.kind === 'depthwise' ? [channel] : range(channels);
	const terms: Term[] = [];
	let sum = 0;
	for (const c of inputChannels) {
		for (let i = 0; i < k; i++) {
			for (let j = 0; j < k; j++) {
				const iy = y * weights.stride - padY + i;
				const ix = x * weights.stride - padX + j;
				const padded = iy < 0 || ix < 0 || iy >= height || ix >= width;
				const value = padded ? 0 : input.data[(iy * width + ix) * channels + c]!;
				const weight =
					weights.kind === 'depthwise'
						? weights.kernel[(i * k + j) * kin + c]!
						: weights.kernel[((i * k + j) * kin + c) * kout + channel]!;
				// `|| 0` turns −0 (0 times a negative weight) into the 0 a reader expects.
				const product = padded ? 0 : value * weight || 0;
				sum += product;
				terms.push({ i, j, channel: c, y: iy, x: ix, padded, value, weight, product });
			}
		}
	}
	const bias = weights.bias?.[channel] ?? 0;
	const preActivation = sum + bias;
	return { terms, sum, bias, preActivation, output: activate(preActivation, weights.activation) };
}

function range(n: number): number[] {
	return Array.from({ length: n }, (_, i) => i);
}

/**
 * The terms a reader can take in: all of them for a k×k window, else the `count` largest
 * products by size, with what the rest add up to.
 */
export function largestTerms(
	terms: readonly Term[],
	count: number
): { shown: Term[]; rest: { count: number; sum: number } } {
	if (terms.length <= count) return { shown: [...terms], rest: { count: 0, sum: 0 } };
	const order = [...terms].sort((a, b) => Math.abs(b.product) - Math.abs(a.product));
	const shown = order.slice(0, count);
	const others = order.slice(count);
	return {
		shown,
		rest: { count: others.length, sum: others.reduce((s, t) => s + t.product, 0) }
	};
}
