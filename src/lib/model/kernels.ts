/**
 * One layer's weights as the network runs them, read out of the built model: the kernel and bias
 * of the BatchNorm-folded convolution, so that the lab can show the products that make an output
 * value and they add up to the value the pass computed. The network keeps its variables; this
 * copies their values into plain arrays.
 */
import type { Activation, LayerKind } from '$lib/architecture';
import type { BuiltNetwork } from './build';

export interface LayerWeights {
	name: string;
	kind: Extract<LayerKind, 'conv' | 'depthwise' | 'pointwise'>;
	/** Keras layout, flattened: [k, k, in, out] (depthwise: [k, k, in, 1]). */
	kernel: Float32Array;
	kernelShape: [number, number, number, number];
	bias: Float32Array | null;
	stride: number;
	activation: Activation;
}

/**
 * The folded kernel and bias of a convolution layer of `net`; null for other kinds of layer, and
 * for a network built with BatchNorm as separate layers (its kernel alone does not make the output).
 */
export async function readLayerWeights(
	net: BuiltNetwork,
	name: string
): Promise<LayerWeights | null> {
	const spec = net.spec.layers.find((l) => l.name === name);
	if (!spec || !net.folded) return null;
	if (spec.kind !== 'conv' && spec.kind !== 'depthwise' && spec.kind !== 'pointwise') return null;
	const layer = net.model.getLayer(name);
	const kernel = layer.weights.find((w) => /(depthwise_)?kernel$/.test(w.originalName));
	const bias = layer.weights.find((w) => /bias$/.test(w.originalName));
	if (!kernel || kernel.shape.length !== 4) return null;
	const [kernelValues, biasValues] = await Promise.all([
		kernel.read().data() as Promise<Float32Array>,
		bias ? (bias.read().data() as Promise<Float32Array>) : Promise.resolve(null)
	]);
	return {
		name,
		kind: spec.kind,
		kernel: Float32Array.from(kernelValues),
		kernelShape: kernel.shape as [number, number, number, number],
		bias: biasValues ? Float32Array.from(biasValues) : null,
		stride: spec.stride,
		activation: spec.activation
	};
}
