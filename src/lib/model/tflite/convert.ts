/**
 * A mapped TFLite MobileNet's constants as the network's weights: Keras names and layouts, with
 * BatchNorm already folded (conv kernel + bias per layer, as TFLite stores them), and the
 * classifier's "background" class dropped.
 *
 * 8-bit kernels stay 8-bit: the same bytes in Keras order, with the tensor's scale and zero point
 * (real = scale × (q − zero point)), so the site serves V2 in about 3.5 MB instead of 14. int8
 * tensors with one scale shift to uint8 without loss; per-channel scales (one per output
 * channel) do not fit one scale, so such kernels are dequantized to float32. Biases are int32 in
 * TFLite, with scale = input scale × kernel scale; they are dequantized to float32.
 */
import { kernelName, type Quantization } from '../weights';
import type { StoredWeight } from '../weights-format';
import type { MappedLayer, TfliteMapping } from './map';
import { tensorValues, type TfliteTensor } from './read';

/** real = scale × (q − zero point), per tensor or per slice along the quantized axis. */
export function dequantize(tensor: TfliteTensor): Float32Array {
	const values = tensorValues(tensor);
	const q = tensor.quantization;
	if (!q) return Float32Array.from(values);
	const inner = tensor.shape.slice(q.axis + 1).reduce((a, b) => a * b, 1);
	const along = tensor.shape[q.axis] ?? 1;
	const out = new Float32Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const c = q.scale.length === 1 ? 0 : ((i / inner) | 0) % along;
		out[i] = q.scale[c]! * (values[i]! - (q.zeroPoint[c] ?? 0));
	}
	return out;
}

/**
 * Index of TFLite element for each Keras element. TFLite stores a convolution's kernel as
 * [out, k, k, in] and a depthwise one as [1, k, k, channels]; Keras as [k, k, in, out] and
 * [k, k, channels, 1]. `skip` output channels are left out at the start (the background class).
 */
function kerasOrder(layer: MappedLayer, skip: number): { shape: number[]; from: Int32Array } {
	const [o, k, , c] = layer.kernel!.shape as [number, number, number, number];
	if (layer.layer.kind === 'depthwise') {
		const from = new Int32Array(k * k * c);
		for (let i = 0; i < from.length; i++) from[i] = i;
		return { shape: [k, k, c, 1], from };
	}
	const outs = o - skip;
	const from = new Int32Array(k * k * c * outs);
	let i = 0;
	for (let y = 0; y < k; y++)
		for (let x = 0; x < k; x++)
			for (let ci = 0; ci < c; ci++)
				for (let oi = 0; oi < outs; oi++) from[i++] = (((oi + skip) * k + y) * k + x) * c + ci;
	return { shape: [k, k, c, outs], from };
}

function kernel(layer: MappedLayer, skip: number): StoredWeight {
	const tensor = layer.kernel!;
	const { shape, from } = kerasOrder(layer, skip);
	const name = kernelName(layer.layer);
	const q = tensor.quantization;
	const perTensor = q !== null && q.scale.length === 1;
	if (perTensor && (tensor.dtype === 'uint8' || tensor.dtype === 'int8')) {
		const shift = tensor.dtype === 'int8' ? 128 : 0;
		const levels = tensorValues(tensor);
		const data = new Uint8Array(from.length);
		for (let i = 0; i < from.length; i++) data[i] = levels[from[i]!]! + shift;
		return {
			name,
			shape,
			data,
			quantization: {
				dtype: 'uint8',
				scale: q.scale[0]!,
				zeroPoint: (q.zeroPoint[0] ?? 0) + shift
			} satisfies Quantization
		};
	}
	const values = dequantize(tensor);
	const data = new Float32Array(from.length);
	for (let i = 0; i < from.length; i++) data[i] = values[from[i]!]!;
	return { name, shape, data, quantization: null };
}

function bias(layer: MappedLayer, skip: number): StoredWeight {
	const values = dequantize(layer.bias!);
	return {
		name: `${layer.layer.name}/bias`,
		shape: [values.length - skip],
		data: values.slice(skip),
		quantization: null
	};
}

/**
 * Every weight the folded network needs, in spec order, with Keras names (block_3_expand/kernel)
 * and layouts.
 */
export function convertWeights(mapping: TfliteMapping): StoredWeight[] {
	const out: StoredWeight[] = [];
	for (const layer of mapping.layers) {
		if (!layer.kernel) continue;
		const skip = layer.layer.kind === 'fc' && mapping.background ? 1 : 0;
		out.push(kernel(layer, skip));
		if (layer.bias) out.push(bias(layer, skip));
	}
	return out;
}
