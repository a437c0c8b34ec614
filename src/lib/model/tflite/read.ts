/**
 * A TensorFlow Lite flatbuffer as plain data: its tensors (shape, type, raw bytes, quantization)
 * and its operators (kind, inputs, outputs, stride, padding, fused activation), read through the
 * flatbuffers runtime and accessors generated from TFLite's own schema (./schema, see its README).
 * Only the first subgraph is read: every MobileNet file has exactly one.
 */
import * as flatbuffers from 'flatbuffers';
import {
	ActivationFunctionType,
	BuiltinOperator,
	BuiltinOptions,
	Conv2DOptions,
	DepthwiseConv2DOptions,
	Model,
	Padding,
	Pool2DOptions,
	TensorType
} from './schema/schema_generated';

export type TfliteDtype = 'float32' | 'int32' | 'uint8' | 'int8' | 'int64' | 'other';

export interface TfliteQuantization {
	/** One scale per tensor, or one per slice along `axis` (per-channel quantization). */
	scale: number[];
	zeroPoint: number[];
	/** The dimension the scales run along (TFLite's quantized_dimension). */
	axis: number;
}

export interface TfliteTensor {
	index: number;
	name: string;
	shape: number[];
	dtype: TfliteDtype;
	/** The constant's bytes, little-endian as stored; null for computed tensors. */
	bytes: Uint8Array | null;
	quantization: TfliteQuantization | null;
}

export interface TfliteOperator {
	index: number;
	/** The builtin operator's name in TFLite's schema: 'CONV_2D', 'ADD', … */
	op: string;
	inputs: number[];
	outputs: number[];
	/** Convolutions and pools: the stride (both directions must agree). */
	stride?: number;
	padding?: 'same' | 'valid';
	/** Convolutions: the activation TFLite fuses into the kernel ('none' if none recorded). */
	activation?: string;
	depthMultiplier?: number;
	/** Pools: the window. */
	filter?: [number, number];
}

export interface TfliteGraph {
	/** The converter's note ('TOCO Converted.', 'MLIR Converted.'). */
	description: string;
	tensors: TfliteTensor[];
	operators: TfliteOperator[];
	inputs: number[];
	outputs: number[];
}

const DTYPES: Partial<Record<TensorType, TfliteDtype>> = {
	[TensorType.FLOAT32]: 'float32',
	[TensorType.INT32]: 'int32',
	[TensorType.UINT8]: 'uint8',
	[TensorType.INT8]: 'int8',
	[TensorType.INT64]: 'int64'
};

function ints(read: (i: number) => number | null, length: number): number[] {
	return Array.from({ length }, (_, i) => read(i) ?? 0);
}

function strides(h: number, w: number, where: string): number {
	if (h !== w) throw new Error(`${where} has different strides across and down (${h}, ${w}).`);
	return h;
}

function padding(value: Padding): 'same' | 'valid' {
	return value === Padding.SAME ? 'same' : 'valid';
}

function activation(value: ActivationFunctionType): string {
	return (ActivationFunctionType[value] ?? 'unknown').toLowerCase();
}

/** Parses a .tflite file. Throws on anything that is not a TFLite flatbuffer. */
export function readTflite(file: Uint8Array): TfliteGraph {
	// A copy starts at offset 0 of its own buffer: flatbuffers' aligned reads stay aligned.
	const bytes = new Uint8Array(file);
	const bb = new flatbuffers.ByteBuffer(bytes);
	if (bytes.length < 8 || !Model.bufferHasIdentifier(bb)) {
		throw new Error('Not a TensorFlow Lite file (no TFL3 identifier).');
	}
	const model = Model.getRootAsModel(bb);
	const graph = model.subgraphs(0);
	if (!graph) throw new Error('The TFLite file has no subgraph.');

	const bufferBytes = (index: number): Uint8Array | null => {
		const buffer = model.buffers(index);
		if (!buffer) return null;
		// Schema 3c: a large constant may sit after the flatbuffer, addressed by offset and size.
		const offset = Number(buffer.offset());
		if (offset > 1) return bytes.subarray(offset, offset + Number(buffer.size()));
		const data = buffer.dataArray();
		return data && data.length > 0 ? data : null;
	};

	const tensors: TfliteTensor[] = [];
	for (let i = 0; i < graph.tensorsLength(); i++) {
		const t = graph.tensors(i)!;
		const q = t.quantization();
		const scales = q ? q.scaleLength() : 0;
		tensors.push({
			index: i,
			name: t.name() ?? `tensor ${i}`,
			shape: ints((k) => t.shape(k), t.shapeLength()),
			dtype: DTYPES[t.type()] ?? 'other',
			bytes: bufferBytes(t.buffer()),
			quantization:
				q && scales > 0
					? {
							scale: Array.from({ length: scales }, (_, k) => q.scale(k) ?? 0),
							zeroPoint: Array.from({ length: q.zeroPointLength() }, (_, k) =>
								Number(q.zeroPoint(k) ?? 0)
							),
							axis: q.quantizedDimension()
						}
					: null
		});
	}

	const operators: TfliteOperator[] = [];
	for (let i = 0; i < graph.operatorsLength(); i++) {
		const o = graph.operators(i)!;
		const code = model.operatorCodes(o.opcodeIndex());
		// Codes above 127 live in builtin_code; older files only fill the deprecated byte.
		const builtin = code ? Math.max(code.deprecatedBuiltinCode(), code.builtinCode()) : -1;
		const op: TfliteOperator = {
			index: i,
			op: BuiltinOperator[builtin] ?? `CODE_${builtin}`,
			inputs: ints((k) => o.inputs(k), o.inputsLength()),
			outputs: ints((k) => o.outputs(k), o.outputsLength())
		};
		const where = `Operator ${i} (${op.op})`;
		switch (o.builtinOptionsType()) {
			case BuiltinOptions.Conv2DOptions: {
				const c: Conv2DOptions = o.builtinOptions(new Conv2DOptions());
				op.stride = strides(c.strideH(), c.strideW(), where);
				op.padding = padding(c.padding());
				op.activation = activation(c.fusedActivationFunction());
				break;
			}
			case BuiltinOptions.DepthwiseConv2DOptions: {
				const d: DepthwiseConv2DOptions = o.builtinOptions(new DepthwiseConv2DOptions());
				op.stride = strides(d.strideH(), d.strideW(), where);
				op.padding = padding(d.padding());
				op.activation = activation(d.fusedActivationFunction());
				op.depthMultiplier = d.depthMultiplier();
				break;
			}
			case BuiltinOptions.Pool2DOptions: {
				const p: Pool2DOptions = o.builtinOptions(new Pool2DOptions());
				op.stride = strides(p.strideH(), p.strideW(), where);
				op.padding = padding(p.padding());
				op.activation = activation(p.fusedActivationFunction());
				op.filter = [p.filterHeight(), p.filterWidth()];
				break;
			}
		}
		operators.push(op);
	}

	return {
		description: model.description() ?? '',
		tensors,
		operators,
		inputs: ints((k) => graph.inputs(k), graph.inputsLength()),
		outputs: ints((k) => graph.outputs(k), graph.outputsLength())
	};
}

const VALUE_BYTES: Partial<Record<TfliteDtype, number>> = {
	uint8: 1,
	int8: 1,
	int32: 4,
	float32: 4
};

/**
 * A constant's values (uint8, int8, int32 or float32) as numbers. TFLite stores them
 * little-endian, as typed arrays read them on every platform browsers and Node run on.
 */
export function tensorValues(tensor: TfliteTensor): Float64Array {
	const { bytes, dtype } = tensor;
	if (!bytes) throw new Error(`Tensor ${tensor.name} holds no data.`);
	const size = VALUE_BYTES[dtype];
	if (size === undefined)
		throw new Error(`Tensor ${tensor.name} is ${dtype}, which is not read here.`);
	const count = tensor.shape.reduce((a, b) => a * b, 1);
	if (bytes.byteLength !== count * size) {
		throw new Error(
			`Tensor ${tensor.name} has ${bytes.byteLength} bytes; its shape [${tensor.shape}] needs ${count * size}.`
		);
	}
	// A copy starts at offset 0, so its buffer can be viewed as any of the types.
	const copy = bytes.slice().buffer;
	const typed =
		dtype === 'uint8'
			? new Uint8Array(copy)
			: dtype === 'int8'
				? new Int8Array(copy)
				: dtype === 'int32'
					? new Int32Array(copy)
					: new Float32Array(copy);
	return new Float64Array(typed);
}
