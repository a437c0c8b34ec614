/**
 * Which layer of the architecture engine's spec each tensor of a TFLite MobileNet belongs to,
 * found by structure, not by name: the operators are walked in the file's order and matched, one
 * by one, to the spec's layers (a convolution to a conv, pointwise or fc layer, a depthwise one to
 * a depthwise layer, ADD to a residual add, the pool to the pool), checking on the way that each
 * reads what its spec layer reads, and has the spec's stride, padding, activation, kernel shape
 * and output shape. The first difference is an error naming the layer.
 *
 * A network may come in several files, each reading what the previous one wrote (the V1 1.0
 * body and head); the files are walked as one graph. TFLite's classifier has 1001 outputs, the
 * first for "background"; the spec's has 1000, so that class is marked to be dropped.
 */
import type { LayerSpec, NetworkSpec } from '$lib/architecture';
import type { TfliteGraph, TfliteOperator, TfliteTensor } from './read';

export type TensorRole =
	/** The network's input image (and its requantized copy). */
	| 'input'
	| 'kernel'
	| 'bias'
	/** What a spec layer computes: its output after the activation. */
	| 'output'
	/** The classifier's output squeezed to [1, classes]. */
	| 'logits'
	| 'probabilities'
	/** A constant operand that is not a weight (a reshape's shape, a mean's axes). */
	| 'constant';

export interface MappedTensor {
	file: number;
	tensor: TfliteTensor;
	role: TensorRole;
	/** The spec layer it belongs to; null for the network's input. */
	layer: string | null;
}

export interface MappedLayer {
	layer: LayerSpec;
	file: number;
	op: TfliteOperator;
	/** The tensor the layer reads (its first input). */
	input: TfliteTensor;
	kernel: TfliteTensor | null;
	bias: TfliteTensor | null;
	output: TfliteTensor;
}

export interface TfliteMapping {
	spec: NetworkSpec;
	layers: MappedLayer[];
	/** Every tensor of every file, with what it is. */
	tensors: MappedTensor[];
	/** The classifier has an extra first class ("background") that the spec does not. */
	background: boolean;
}

const CONV_KINDS: ReadonlySet<string> = new Set(['conv', 'pointwise', 'fc']);

function sameShape(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The real values an 8-bit tensor can hold: scale × (q − zero point) at q's two ends. */
function realRange(t: TfliteTensor): [number, number] | null {
	const q = t.quantization;
	if (!q || q.scale.length !== 1) return null;
	const [lo, hi] = t.dtype === 'uint8' ? [0, 255] : t.dtype === 'int8' ? [-128, 127] : [NaN, NaN];
	const zero = q.zeroPoint[0] ?? 0;
	return [q.scale[0]! * (lo - zero), q.scale[0]! * (hi - zero)];
}

/**
 * Maps every tensor of `graphs` (one network, possibly split into files that follow each other)
 * onto `spec`, which must be built at the resolution the files were converted at.
 */
export function mapTflite(graphs: readonly TfliteGraph[], spec: NetworkSpec): TfliteMapping {
	if (graphs.length === 0) throw new Error('No TFLite file to map.');
	const key = (file: number, tensor: number) => `${file}:${tensor}`;
	/** A tensor that stands for another (a file's input is the previous file's output). */
	const alias = new Map<string, string>();
	const canonical = (k: string): string => alias.get(k) ?? k;
	/** Which spec layer wrote each tensor (null: the network input). */
	const producer = new Map<string, string | null>();
	const roles = new Map<string, MappedTensor>();
	const assign = (file: number, index: number, role: TensorRole, layer: string | null) => {
		const tensor = graphs[file]!.tensors[index];
		if (!tensor) throw new Error(`File ${file + 1} has no tensor ${index}.`);
		roles.set(key(file, index), { file, tensor, role, layer });
	};

	const first = graphs[0]!;
	const input = first.inputs[0];
	if (input === undefined || first.inputs.length !== 1) {
		throw new Error('A MobileNet file has exactly one input.');
	}
	const inputShape = [1, ...spec.layers[0]!.input];
	if (!sameShape(first.tensors[input]!.shape, inputShape)) {
		throw new Error(
			`The file's input is [${first.tensors[input]!.shape}]; the spec's is [${inputShape}]: build the spec at the file's resolution.`
		);
	}
	producer.set(key(0, input), null);
	assign(0, input, 'input', null);

	for (let f = 1; f < graphs.length; f++) {
		const previous = graphs[f - 1]!;
		const [out, into] = [previous.outputs[0]!, graphs[f]!.inputs[0]!];
		const a = previous.tensors[out]!;
		const b = graphs[f]!.tensors[into]!;
		if (
			!sameShape(a.shape, b.shape) ||
			JSON.stringify(a.quantization) !== JSON.stringify(b.quantization)
		) {
			throw new Error(
				`File ${f + 1} does not continue file ${f}: it reads [${b.shape}] ${JSON.stringify(b.quantization)}, file ${f} writes [${a.shape}] ${JSON.stringify(a.quantization)}.`
			);
		}
		alias.set(key(f, into), canonical(key(f - 1, out)));
	}

	const layers: MappedLayer[] = [];
	let next = 0;
	let background = false;
	let classifier: MappedLayer | null = null;
	/** The tensor the last layer (or the classifier's reshape) wrote. */
	let lastWritten: string | null = null;

	graphs.forEach((graph, f) => {
		const tensorAt = (i: number | undefined) => {
			const t = i === undefined || i < 0 ? undefined : graph.tensors[i];
			return t ?? null;
		};
		for (const op of graph.operators) {
			const out = op.outputs[0]!;
			switch (op.op) {
				case 'QUANTIZE':
				case 'DEQUANTIZE': {
					// The same values in another number format: the output is what the input is.
					const from = canonical(key(f, op.inputs[0]!));
					alias.set(key(f, out), from);
					const role = roles.get(from);
					if (!role) throw new Error(`Operator ${op.index} (${op.op}) reads an unknown tensor.`);
					assign(f, out, role.role, role.layer);
					continue;
				}
				case 'RESHAPE':
				case 'SOFTMAX': {
					if (!classifier || canonical(key(f, op.inputs[0]!)) !== lastWritten) {
						throw new Error(`Operator ${op.index} (${op.op}) does not follow the classifier.`);
					}
					assign(f, out, op.op === 'SOFTMAX' ? 'probabilities' : 'logits', classifier.layer.name);
					if (op.inputs[1] !== undefined)
						assign(f, op.inputs[1], 'constant', classifier.layer.name);
					lastWritten = key(f, out);
					continue;
				}
			}

			const layer = spec.layers[next++];
			if (!layer) throw new Error(`TFLite operator ${op.index} (${op.op}) has no spec layer left.`);
			const fail = (what: string): never => {
				throw new Error(`Layer ${layer.name}: ${what} (TFLite operator ${op.index}, ${op.op}).`);
			};
			const expectedOp =
				layer.kind === 'depthwise'
					? ['DEPTHWISE_CONV_2D']
					: CONV_KINDS.has(layer.kind)
						? ['CONV_2D']
						: layer.kind === 'add'
							? ['ADD']
							: layer.kind === 'pool'
								? ['AVERAGE_POOL_2D', 'MEAN']
								: [];
			if (!expectedOp.includes(op.op)) fail(`the spec has a ${layer.kind} layer here`);

			// What it reads: the spec's inputs, written by the layers the spec names.
			const dataInputs = layer.kind === 'add' ? op.inputs.slice(0, 2) : op.inputs.slice(0, 1);
			const read = dataInputs.map((i) => {
				const k = canonical(key(f, i));
				if (!producer.has(k)) fail(`it reads tensor ${i}, which no earlier layer wrote`);
				return producer.get(k) ?? null;
			});
			const wanted: Array<string | null> = layer.inputs.length === 0 ? [null] : layer.inputs;
			const sorted = (xs: Array<string | null>) => xs.map(String).sort().join(', ');
			if (sorted(read) !== sorted(wanted)) {
				fail(`it reads ${sorted(read)}; the spec says ${sorted(wanted)}`);
			}

			const output = tensorAt(out)!;
			const withBackground = layer.kind === 'fc' && output.shape.at(-1) === layer.output[2] + 1;
			const outShape = [1, ...layer.output.slice(0, 2), layer.output[2] + (withBackground ? 1 : 0)];
			if (!sameShape(output.shape, outShape))
				fail(`it outputs [${output.shape}], the spec [${outShape}]`);

			const mapped: MappedLayer = {
				layer,
				file: f,
				op,
				input: tensorAt(op.inputs[0])!,
				kernel: null,
				bias: null,
				output
			};
			if (layer.kind === 'depthwise' || CONV_KINDS.has(layer.kind)) {
				if (op.stride !== layer.stride) fail(`stride ${op.stride}, the spec ${layer.stride}`);
				if (op.padding !== 'same') fail(`${op.padding} padding, the network pads 'same'`);
				const kernel = tensorAt(op.inputs[1]);
				const k = layer.kernel;
				const [inC, outC] = [layer.input[2], outShape[3]!];
				const kernelShape = layer.kind === 'depthwise' ? [1, k, k, inC] : [outC, k, k, inC];
				if (!kernel?.bytes) fail('it has no constant kernel');
				if (!sameShape(kernel!.shape, kernelShape)) {
					fail(`its kernel is [${kernel!.shape}], the spec needs [${kernelShape}]`);
				}
				const bias = tensorAt(op.inputs[2]);
				if (bias && (!bias.bytes || !sameShape(bias.shape, [outC]))) {
					fail(`its bias is [${bias.shape}], the spec needs [${outC}]`);
				}
				// The fc layer's softmax is a separate operator; the convolutions fuse theirs.
				const spec = layer.kind === 'fc' ? 'linear' : layer.activation;
				const fused = op.activation === 'none' ? 'linear' : op.activation;
				// TOCO records no activation when the output's 8-bit range already clips to [0, 6].
				const range = realRange(output);
				const clipsRelu6 =
					range !== null &&
					Math.abs(range[0]) < 1e-6 &&
					Math.abs(range[1] - 6) < output.quantization!.scale[0]!;
				if (fused !== spec && !(fused === 'linear' && spec === 'relu6' && clipsRelu6)) {
					fail(`it applies ${fused}, the spec ${spec}`);
				}
				mapped.kernel = kernel;
				mapped.bias = bias;
				assign(f, op.inputs[1]!, 'kernel', layer.name);
				if (bias) assign(f, op.inputs[2]!, 'bias', layer.name);
				if (withBackground) background = true;
				if (layer.kind === 'fc') classifier = mapped;
			} else if (layer.kind === 'pool') {
				const [, h, w] = mapped.input.shape;
				if (op.op === 'AVERAGE_POOL_2D' && !(op.filter?.[0] === h && op.filter?.[1] === w)) {
					fail(`it pools ${op.filter?.join('×')}, not the whole ${h}×${w} map`);
				}
				if (op.op === 'MEAN') assign(f, op.inputs[1]!, 'constant', layer.name);
			}
			producer.set(key(f, out), layer.name);
			assign(f, out, 'output', layer.name);
			lastWritten = key(f, out);
			layers.push(mapped);
		}
	});

	const missing = spec.layers[next];
	if (missing) throw new Error(`Layer ${missing.name}: the TFLite file has no operator for it.`);

	const tensors: MappedTensor[] = [];
	const unmapped: string[] = [];
	graphs.forEach((graph, f) =>
		graph.tensors.forEach((t) => {
			const k = key(f, t.index);
			// A file's input is what the previous file wrote.
			const role = roles.get(k) ?? roles.get(canonical(k));
			if (role) tensors.push({ ...role, file: f, tensor: t });
			else unmapped.push(`${t.name} (file ${f + 1}, tensor ${t.index})`);
		})
	);
	if (unmapped.length > 0)
		throw new Error(`Tensors no layer accounts for: ${unmapped.join('; ')}.`);
	return { spec, layers, tensors, background };
}
