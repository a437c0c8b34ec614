/**
 * BatchNorm folding, as TFLite does for inference: y = γ·(conv(x) + b − μ)/√(σ² + ε) + β is
 * the same as a convolution with kernel W·s and bias β + (b − μ)·s, where s = γ/√(σ² + ε)
 * per output channel. One layer fewer per conv, and the bias add fuses into the conv kernel.
 */
import type { NetworkSpec } from '$lib/architecture';
import { kernelName, type WeightArray, type WeightMap } from './weights';

/** Keras' BatchNormalization epsilon in every official MobileNet (V1, V2, V3). */
export const BN_EPSILON = 1e-3;

function need(weights: WeightMap, name: string): WeightArray {
	const w = weights.get(name);
	if (!w) throw new Error(`Cannot fold BatchNorm: weight ${name} is missing.`);
	return w;
}

/** The folded weights: BatchNorm entries replaced by scaled kernels and a bias. */
export function foldBatchNorm(
	spec: NetworkSpec,
	weights: WeightMap,
	epsilon = BN_EPSILON
): Map<string, WeightArray> {
	const out = new Map(weights);
	for (const layer of spec.layers) {
		if (!layer.bnName) continue;
		const kernel = need(weights, kernelName(layer));
		const gamma = need(weights, `${layer.bnName}/gamma`).data;
		const beta = need(weights, `${layer.bnName}/beta`).data;
		const mean = need(weights, `${layer.bnName}/moving_mean`).data;
		const variance = need(weights, `${layer.bnName}/moving_variance`).data;
		const bias = layer.useBias ? need(weights, `${layer.name}/bias`).data : null;
		const channels = gamma.length;

		const scale = new Float32Array(channels);
		const newBias = new Float32Array(channels);
		for (let c = 0; c < channels; c++) {
			const s = gamma[c]! / Math.sqrt(variance[c]! + epsilon);
			scale[c] = s;
			newBias[c] = beta[c]! + ((bias?.[c] ?? 0) - mean[c]!) * s;
		}
		// Output channels are the innermost axis of both layouts: [k, k, in, out] for a
		// convolution and [k, k, channels, 1] for a depthwise one.
		const data = new Float32Array(kernel.data.length);
		for (let i = 0; i < data.length; i++) data[i] = kernel.data[i]! * scale[i % channels]!;

		out.set(kernelName(layer), { shape: kernel.shape, data });
		out.set(`${layer.name}/bias`, { shape: [channels], data: newBias });
		for (const w of ['gamma', 'beta', 'moving_mean', 'moving_variance']) {
			out.delete(`${layer.bnName}/${w}`);
		}
	}
	return out;
}
