/**
 * "8-bit weights" for float networks, simulated in float: each convolution kernel is rounded to
 * 8-bit levels and turned back into floats (quantize, then dequantize), as TensorFlow Lite would
 * store it, and the network runs with those values. Biases stay as they are (TFLite keeps them in
 * 32 bits). Two of TFLite's schemes:
 *
 * - per-tensor: one uint8 grid for the whole kernel, from its minimum to its maximum (widened to
 *   include 0, so that 0 is exact), with a zero point: the scheme of Google's 8-bit MobileNets.
 * - per-channel: one symmetric int8 grid (−127…127, zero point 0) per output channel, scaled to
 *   that channel's largest magnitude: the scheme TFLite's converter uses for convolutions today.
 *
 * A depthwise kernel holds one small filter per channel, and after BatchNorm folding the channels'
 * ranges differ by orders of magnitude, so one grid for all of them leaves the small ones with a
 * handful of levels: that is why per-channel quantization became the norm.
 */
import type { LayerKind, NetworkSpec } from '$lib/architecture';
import { hasKernel, kernelName, type WeightArray, type WeightMap } from './weights';

export type QuantizeMode = 'per-tensor' | 'per-channel';

export interface LayerQuantError {
	/** Spec layer name. */
	name: string;
	kind: LayerKind;
	/** Root-mean-square error of the kernel's values. */
	rmse: number;
	/** rmse ÷ the kernel's root-mean-square value: dominated by the channels with large weights. */
	relative: number;
	/**
	 * Each output channel's own relative error (its rmse ÷ its root-mean-square value), averaged
	 * over channels: every channel feeds a feature map of its own, so a channel whose small weights
	 * round to a few levels counts as much as a large one. Per-tensor rounding of a depthwise kernel
	 * shows here.
	 */
	channelRelative: number;
	/** The largest of those per-channel errors. */
	worstChannel: number;
	/** Signal-to-quantization-noise ratio in dB: 10·log10(Σw² ÷ Σ(w′ − w)²). */
	sqnrDb: number;
	/** Distinct levels the kernel ends up using (at most 256 per grid). */
	levels: number;
}

export interface QuantizedWeights {
	mode: QuantizeMode;
	/** The same map with every kernel replaced by its 8-bit values. */
	weights: Map<string, WeightArray>;
	/** One entry per layer with a kernel, in spec order. */
	layers: LayerQuantError[];
}

function perTensor(data: Float32Array): { values: Float32Array; scale: number; zeroPoint: number } {
	let lo = 0;
	let hi = 0;
	for (const v of data) {
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	const scale = hi > lo ? (hi - lo) / 255 : 1;
	const zeroPoint = Math.min(255, Math.max(0, Math.round(-lo / scale)));
	const values = new Float32Array(data.length);
	for (let i = 0; i < data.length; i++) {
		const q = Math.min(255, Math.max(0, Math.round(data[i]! / scale) + zeroPoint));
		values[i] = scale * (q - zeroPoint);
	}
	return { values, scale, zeroPoint };
}

/** `channels` is the size of the innermost axes the channel index cycles over. */
function perChannel(data: Float32Array, channels: number): Float32Array {
	const peak = new Float64Array(channels);
	for (let i = 0; i < data.length; i++) {
		const c = i % channels;
		peak[c] = Math.max(peak[c]!, Math.abs(data[i]!));
	}
	const values = new Float32Array(data.length);
	for (let i = 0; i < data.length; i++) {
		const scale = peak[i % channels]! / 127 || 1;
		values[i] = scale * Math.min(127, Math.max(-127, Math.round(data[i]! / scale)));
	}
	return values;
}

function error(
	name: string,
	kind: LayerKind,
	before: Float32Array,
	after: Float32Array,
	channels: number
): LayerQuantError {
	const signal = new Float64Array(channels);
	const noise = new Float64Array(channels);
	const levels = new Set<number>();
	for (let i = 0; i < before.length; i++) {
		const c = i % channels;
		signal[c] = signal[c]! + before[i]! ** 2;
		noise[c] = noise[c]! + (after[i]! - before[i]!) ** 2;
		levels.add(after[i]!);
	}
	const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
	const [s, n] = [sum(signal), sum(noise)];
	const perChannel = Array.from(signal, (sc, c) => (sc > 0 ? Math.sqrt(noise[c]! / sc) : 0));
	return {
		name,
		kind,
		rmse: Math.sqrt(n / Math.max(1, before.length)),
		relative: s > 0 ? Math.sqrt(n / s) : 0,
		channelRelative: perChannel.reduce((a, b) => a + b, 0) / Math.max(1, channels),
		worstChannel: Math.max(0, ...perChannel),
		sqnrDb: n > 0 ? 10 * Math.log10(s / n) : Infinity,
		levels: levels.size
	};
}

/** Every kernel of `weights` (the network's, BatchNorm folded or not) rounded to 8 bits. */
export function quantizeWeights(
	spec: NetworkSpec,
	weights: WeightMap,
	mode: QuantizeMode
): QuantizedWeights {
	const out = new Map(weights);
	const layers: LayerQuantError[] = [];
	for (const layer of spec.layers) {
		if (!hasKernel(layer)) continue;
		const name = kernelName(layer);
		const kernel = weights.get(name);
		if (!kernel) throw new Error(`Cannot quantize ${layer.name}: weight ${name} is missing.`);
		// Output channels are innermost: [k, k, in, out], or [k, k, channels, 1] for a depthwise one.
		const [, , inner = 1, outer = 1] = kernel.shape;
		const channels = layer.kind === 'depthwise' ? inner * outer : outer;
		let quantized: WeightArray;
		if (mode === 'per-tensor') {
			const { values, scale, zeroPoint } = perTensor(kernel.data);
			quantized = {
				shape: kernel.shape,
				data: values,
				quantization: { dtype: 'uint8', scale, zeroPoint }
			};
		} else {
			quantized = { shape: kernel.shape, data: perChannel(kernel.data, channels) };
		}
		out.set(name, quantized);
		layers.push(error(layer.name, layer.kind, kernel.data, quantized.data, channels));
	}
	return { mode, weights: out, layers };
}
