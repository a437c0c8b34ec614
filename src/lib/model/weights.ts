/**
 * Weights as plain typed arrays keyed by their Keras names ('conv1/kernel', 'conv1_bn/gamma'),
 * kept outside tfjs so that caching, folding and checking need no tensors to dispose.
 */
import type { LayerSpec, NetworkSpec } from '$lib/architecture';
import { seededRandom } from '$lib/random';

/** How 8-bit weights were stored: value = scale × (q − zero point) for q in 0…255. */
export interface Quantization {
	readonly dtype: 'uint8';
	readonly scale: number;
	readonly zeroPoint: number;
}

export interface WeightArray {
	readonly shape: readonly number[];
	readonly data: Float32Array;
	/** Present for weights that came as 8-bit levels: `data` holds their dequantized values. */
	readonly quantization?: Quantization;
}

/** Keras weight name → values. */
export type WeightMap = ReadonlyMap<string, WeightArray>;

/**
 * 'keras': BatchNorm as Keras keeps it (gamma, beta, moving mean and variance beside each
 * kernel). 'folded': BatchNorm already folded into each convolution's kernel and bias, as
 * TensorFlow Lite stores a network.
 */
export type WeightForm = 'keras' | 'folded';

export const BN_WEIGHTS = ['gamma', 'beta', 'moving_mean', 'moving_variance'] as const;

/**
 * The squeeze-and-excite block's inner 1×1 convolutions, named as Keras' MobileNetV3 names
 * them under the block's prefix (…/squeeze_excite/Conv and …/squeeze_excite/Conv_1). The spec
 * describes SE as one composite layer, so these two names are this builder's convention.
 */
export function seConvNames(layer: LayerSpec): { squeeze: string; excite: string } {
	return { squeeze: `${layer.name}/Conv`, excite: `${layer.name}/Conv_1` };
}

/** Name of the kernel weight of a layer that has one. */
export function kernelName(layer: LayerSpec): string {
	return `${layer.name}/${layer.kind === 'depthwise' ? 'depthwise_kernel' : 'kernel'}`;
}

export function hasKernel(layer: LayerSpec): boolean {
	return (
		layer.kind === 'conv' ||
		layer.kind === 'depthwise' ||
		layer.kind === 'pointwise' ||
		layer.kind === 'fc'
	);
}

/**
 * Every weight the spec implies, with its shape, in Keras layout: conv kernels
 * [k, k, in, out], depthwise [k, k, channels, 1], the classifier as a 1×1 conv on the pooled
 * map (as Keras' V1 builds it). With `folded`, BatchNorm is gone and every normalised layer
 * carries a bias instead.
 */
export function expectedWeights(spec: NetworkSpec, folded = false): Map<string, number[]> {
	const shapes = new Map<string, number[]>();
	for (const layer of spec.layers) {
		const m = layer.input[2];
		const n = layer.output[2];
		if (hasKernel(layer)) {
			shapes.set(
				kernelName(layer),
				layer.kind === 'depthwise'
					? [layer.kernel, layer.kernel, m, 1]
					: [layer.kernel, layer.kernel, m, n]
			);
			if (layer.useBias || (folded && layer.batchNorm)) shapes.set(`${layer.name}/bias`, [n]);
			if (layer.bnName && !folded) {
				for (const w of BN_WEIGHTS) shapes.set(`${layer.bnName}/${w}`, [n]);
			}
		}
		if (layer.kind === 'se') {
			const r = seChannels(layer);
			const { squeeze, excite } = seConvNames(layer);
			shapes.set(`${squeeze}/kernel`, [1, 1, n, r]);
			shapes.set(`${squeeze}/bias`, [r]);
			shapes.set(`${excite}/kernel`, [1, 1, r, n]);
			shapes.set(`${excite}/bias`, [n]);
		}
	}
	return shapes;
}

export function seChannels(layer: LayerSpec): number {
	if (layer.seChannels === undefined) {
		throw new Error(`Squeeze-and-excite layer ${layer.name} has no seChannels in its spec.`);
	}
	return layer.seChannels;
}

function size(shape: readonly number[]): number {
	return shape.reduce((a, b) => a * b, 1);
}

function dropLeadingOnes(shape: readonly number[]): number[] {
	const i = shape.findIndex((d) => d !== 1);
	return i === -1 ? [] : shape.slice(i);
}

/**
 * Checks loaded weights against the spec and returns exactly the ones it needs, in either form.
 * A weight whose shape differs only by leading 1s (a Dense classifier [C, K] for our 1×1 conv
 * [1, 1, C, K]) is reshaped; anything else missing or mismatched is an error naming every problem.
 */
export function conformWeights(
	spec: NetworkSpec,
	weights: WeightMap,
	form: WeightForm = 'keras'
): Map<string, WeightArray> {
	const out = new Map<string, WeightArray>();
	const problems: string[] = [];
	for (const [name, shape] of expectedWeights(spec, form === 'folded')) {
		const w = weights.get(name);
		if (!w) {
			problems.push(`missing ${name} ${JSON.stringify(shape)}`);
		} else if (w.data.length !== size(shape)) {
			problems.push(
				`${name} is ${JSON.stringify(w.shape)}, the spec needs ${JSON.stringify(shape)}`
			);
		} else if (
			JSON.stringify(dropLeadingOnes(w.shape)) !== JSON.stringify(dropLeadingOnes(shape))
		) {
			problems.push(
				`${name} is ${JSON.stringify(w.shape)}, the spec needs ${JSON.stringify(shape)}`
			);
		} else {
			out.set(name, { ...w, shape });
		}
	}
	if (problems.length > 0) {
		throw new Error(
			`These weights do not fit ${spec.config.version} α ${spec.config.alpha}: ${problems.slice(0, 5).join('; ')}` +
				(problems.length > 5 ? ` (and ${problems.length - 5} more)` : '')
		);
	}
	return out;
}

/**
 * He-normal (truncated at 2σ, as Keras' he_normal), with the fan-in each output sees: k·k·in
 * for a convolution, k·k for a depthwise one (Keras would count k·k·channels there, which
 * shrinks depthwise outputs by the channel count and starves an untrained deep network).
 */
function heNormal(shape: readonly number[], fanIn: number, random: () => number): Float32Array {
	// Keras divides by the truncated normal's standard deviation (0.8796…) to keep the variance.
	const std = Math.sqrt(2 / fanIn) / 0.8796256610342398;
	const data = new Float32Array(size(shape));
	for (let i = 0; i < data.length; i++) {
		let z: number;
		do {
			// Box–Muller; 1 - u keeps the logarithm finite.
			const u = 1 - random();
			z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
		} while (Math.abs(z) > 2);
		data[i] = z * std;
	}
	return data;
}

function fill(shape: readonly number[], value: number): Float32Array {
	return new Float32Array(size(shape)).fill(value);
}

/**
 * Untrained weights for any spec: He-normal kernels from a seed, zero biases, and BatchNorm at
 * identity (γ 1, β 0, mean 0, variance 1). The same seed gives the same network.
 */
export function initialWeights(spec: NetworkSpec, seed = 1): Map<string, WeightArray> {
	const random = seededRandom(seed);
	const out = new Map<string, WeightArray>();
	for (const [name, shape] of expectedWeights(spec)) {
		let data: Float32Array;
		if (name.endsWith('kernel')) {
			const [kh = 1, kw = 1, inChannels = 1, multiplier = 1] = shape;
			const depthwise = name.endsWith('/depthwise_kernel');
			data = heNormal(shape, depthwise ? kh * kw * multiplier : kh * kw * inChannels, random);
		} else if (name.endsWith('/gamma') || name.endsWith('/moving_variance')) {
			data = fill(shape, 1);
		} else {
			data = fill(shape, 0);
		}
		out.set(name, { shape, data });
	}
	return out;
}

/** Total number of values, for comparing with the engine's kerasParams. */
export function countValues(weights: Iterable<WeightArray>): number {
	let n = 0;
	for (const w of weights) n += w.data.length;
	return n;
}
