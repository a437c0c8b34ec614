/**
 * Google's TFLite MobileNets (../shared/models/tflite) mapped onto the engine's specs: every
 * tensor of every file accounted for, shapes checked, mismatches named by layer, and dequantized
 * values checked against the flatbuffer itself, read here through the generated accessors alone.
 */
import * as flatbuffers from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import { mobilenetV1, mobilenetV2, type NetworkSpec } from '../../../src/lib/architecture';
import { convertTflite, mapTflite, readTflite } from '../../../src/lib/model/tflite';
import { Model } from '../../../src/lib/model/tflite/schema/schema_generated';
import { expectedWeights, type WeightArray } from '../../../src/lib/model/weights';
import { decodeWeights, encodeWeights } from '../../../src/lib/model/weights-format';
import { hasTflite, readTfliteFile } from './helpers';

const V2 = 'mobilenet_v2_1.0_224_quant.tflite';
const V2_PTQ = 'mobilenet_v2_1.0_224_ptq_int8.tflite';
const V1_BODY = 'mobilenet_v1_1.0_224_quant_body.tflite';
const V1_HEAD = 'mobilenet_v1_1.0_224_quant_head.tflite';
const V1_HALF = 'mobilenet_v1_0.5_160_quant.tflite';
const present = [V2, V2_PTQ, V1_BODY, V1_HEAD, V1_HALF].every(hasTflite);

/**
 * Values in each file's constants, as ../shared/README.md counts them (Keras' count with BatchNorm
 * folded and a 1001st class, plus the classifier's 2-value reshape target); null: not printed there.
 */
const CASES: Array<{ files: string[]; spec: () => NetworkSpec; constants: number | null }> = [
	{ files: [V2], spec: () => mobilenetV2(1, 224), constants: 3_489_099 },
	{ files: [V2_PTQ], spec: () => mobilenetV2(1, 224), constants: null },
	{ files: [V1_BODY, V1_HEAD], spec: () => mobilenetV1(1, 224), constants: 4_222_059 },
	{ files: [V1_HALF], spec: () => mobilenetV1(0.5, 160), constants: null }
];

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** A tensor's raw level and quantization, straight from the flatbuffer. */
function rawTensor(file: Uint8Array, name: RegExp) {
	const model = Model.getRootAsModel(new flatbuffers.ByteBuffer(new Uint8Array(file)));
	const graph = model.subgraphs(0)!;
	for (let i = 0; i < graph.tensorsLength(); i++) {
		const t = graph.tensors(i)!;
		if (!name.test(t.name() ?? '')) continue;
		const data = model.buffers(t.buffer())!.dataArray()!;
		const q = t.quantization()!;
		return {
			shape: Array.from({ length: t.shapeLength() }, (_, k) => t.shape(k)!),
			level: (index: number) => data[index]!,
			int32: (index: number) =>
				new DataView(data.buffer, data.byteOffset, data.byteLength).getInt32(index * 4, true),
			scale: q.scale(0)!,
			zeroPoint: Number(q.zeroPoint(0))
		};
	}
	throw new Error(`No tensor matches ${name}.`);
}

/** The weights as the site serves them: encoded to the tfjs format and decoded back. */
function served(files: string[], config: Parameters<typeof convertTflite>[1]) {
	const { weights } = convertTflite(files.map(readTfliteFile), config);
	const { manifest, shards } = encodeWeights(weights);
	const bytes = new Uint8Array(shards.reduce((n, s) => n + s.bytes.length, 0));
	let at = 0;
	for (const s of shards) {
		bytes.set(s.bytes, at);
		at += s.bytes.length;
	}
	return decodeWeights(manifest, [bytes.buffer]);
}

/** Value at [y, x, i, o] of a Keras kernel [k, k, in, out]. */
function at(w: WeightArray, y: number, x: number, i: number, o: number) {
	const [k = 1, , inC = 1, outC = 1] = w.shape;
	return w.data[((y * k + x) * inC + i) * outC + o]!;
}

describe.skipIf(!present)('TFLite MobileNets on the engine’s specs', { timeout: 60_000 }, () => {
	for (const { files, spec: makeSpec, constants } of CASES) {
		it(`maps every tensor of ${files.join(' + ')} and converts to the spec’s folded weights`, () => {
			const spec = makeSpec();
			const graphs = files.map((f) => readTflite(readTfliteFile(f)));
			const mapping = mapTflite(graphs, spec);
			const total = graphs.reduce((n, g) => n + g.tensors.length, 0);
			expect(mapping.tensors).toHaveLength(total);
			expect(mapping.layers.map((l) => l.layer.name)).toEqual(spec.layers.map((l) => l.name));
			expect(mapping.background).toBe(true);
			// Kernels and biases hold what the folded spec counts, with the 1001st class.
			const classifier = spec.layers.at(-1)!;
			const folded = [...expectedWeights(spec, true).values()].reduce((n, s) => n + size(s), 0);
			const kernels = mapping.tensors.filter((t) => t.role === 'kernel' || t.role === 'bias');
			expect(kernels.reduce((n, t) => n + size(t.tensor.shape), 0)).toBe(
				folded + classifier.input[2] + 1
			);
			if (constants !== null) {
				const all = mapping.tensors.filter((t) => t.tensor.bytes !== null && t.role !== 'input');
				expect(all.reduce((n, t) => n + size(t.tensor.shape), 0)).toBe(constants);
			}
			for (const layer of mapping.layers.filter((l) => l.kernel)) {
				expect(mapping.tensors.find((t) => t.tensor === layer.kernel)?.layer).toBe(
					layer.layer.name
				);
			}
			const roles = new Set(mapping.tensors.map((t) => t.role));
			expect([...roles].sort()).toEqual(
				expect.arrayContaining(['bias', 'input', 'kernel', 'logits', 'output'])
			);

			const { weights } = convertTflite(
				files.map(readTfliteFile),
				spec.config as Parameters<typeof convertTflite>[1]
			);
			const shapes = new Map(weights.map((w) => [w.name, w.shape]));
			expect(shapes).toEqual(expectedWeights(spec, true));
			// The background class goes.
			expect(weights.reduce((n, w) => n + w.data.length, 0)).toBe(folded);
		});
	}

	it('serves 8-bit kernels as their levels, each dequantized as scale × (q − zero point)', () => {
		const file = readTfliteFile(V2);
		const weights = served([V2], { version: 'v2', alpha: 1, resolution: 224 });

		// Stem: TFLite [out, k, k, in] against Keras [k, k, in, out].
		const stem = rawTensor(file, /^MobilenetV2\/Conv\/weights_quant/);
		expect(stem.shape).toEqual([32, 3, 3, 3]);
		const conv1 = weights.get('Conv1/kernel')!;
		expect(conv1.quantization).toEqual({
			dtype: 'uint8',
			scale: stem.scale,
			zeroPoint: stem.zeroPoint
		});
		for (const [o, y, x, i] of [
			[7, 2, 1, 2],
			[0, 0, 0, 0],
			[31, 1, 2, 1]
		] as const) {
			const q = stem.level(((o * 3 + y) * 3 + x) * 3 + i);
			expect(at(conv1, y, x, i, o)).toBe(Math.fround(stem.scale * (q - stem.zeroPoint)));
		}

		// A depthwise kernel: TFLite [1, k, k, channels], Keras [k, k, channels, 1].
		const dw = rawTensor(file, /expanded_conv_5\/depthwise\/weights_quant/);
		const dwKernel = weights.get('block_5_depthwise/depthwise_kernel')!;
		const q = dw.level((2 * 3 + 0) * 192 + 100);
		expect(at(dwKernel, 2, 0, 100, 0)).toBe(Math.fround(dw.scale * (q - dw.zeroPoint)));

		// The classifier: TFLite class 968 is ImageNet class 967 (espresso) once background goes.
		const logits = rawTensor(file, /Logits\/Conv2d_1c_1x1\/weights_quant/);
		const predictions = weights.get('predictions/kernel')!;
		expect(predictions.shape).toEqual([1, 1, 1280, 1000]);
		const level = logits.level(968 * 1280 + 640);
		expect(at(predictions, 0, 0, 640, 967)).toBe(
			Math.fround(logits.scale * (level - logits.zeroPoint))
		);

		// Biases are int32 with scale = input scale × kernel scale; served as float32.
		const bias = rawTensor(file, /expanded_conv_5\/depthwise\/depthwise_Fold_bias/);
		const input = rawTensor(file, /expanded_conv_5\/expand\/Relu6/);
		expect(Math.abs(bias.scale / (input.scale * dw.scale) - 1)).toBeLessThan(1e-6);
		expect(weights.get('block_5_depthwise/bias')!.data[100]).toBe(
			Math.fround(bias.scale * bias.int32(100))
		);
		expect(weights.get('block_5_depthwise/bias')!.quantization).toBeUndefined();
	});

	it('reads a network split in two files as one, and the 8-bit V1 head after its body', () => {
		const head = rawTensor(readTfliteFile(V1_HEAD), /Conv2d_1c_1x1\/weights_quant/);
		const weights = served([V1_BODY, V1_HEAD], { version: 'v1', alpha: 1, resolution: 224 });
		const preds = weights.get('conv_preds/kernel')!;
		expect(preds.shape).toEqual([1, 1, 1024, 1000]);
		expect(at(preds, 0, 0, 3, 0)).toBe(
			Math.fround(head.scale * (head.level(1 * 1024 + 3) - head.zeroPoint))
		);
	});

	it('dequantizes per-channel int8 kernels to float: one scale per channel fits no single 8-bit grid', () => {
		const { weights } = convertTflite([readTfliteFile(V2_PTQ)], {
			version: 'v2',
			alpha: 1,
			resolution: 224
		});
		expect(weights.every((w) => w.quantization === null)).toBe(true);
		expect(weights.every((w) => w.data instanceof Float32Array)).toBe(true);
	});

	it('names the layer where a file and the spec part ways', () => {
		const v2 = [readTflite(readTfliteFile(V2))];
		expect(() => mapTflite(v2, mobilenetV2(0.75, 224))).toThrow(
			/^Layer Conv1: it outputs \[1,112,112,32\], the spec \[1,112,112,24\]/
		);
		// V1's first two layers look like V2's first two; the third does not.
		const v1 = [V1_BODY, V1_HEAD].map((f) => readTflite(readTfliteFile(f)));
		expect(() => mapTflite(v1, mobilenetV2(1, 224))).toThrow(
			/^Layer expanded_conv_project: it outputs \[1,112,112,64\], the spec \[1,112,112,16\]/
		);
		expect(() => mapTflite(v1.slice(0, 1), mobilenetV1(1, 224))).toThrow(
			/^Layer conv_preds: the TFLite file has no operator for it/
		);
		expect(() => mapTflite(v2, mobilenetV2(1, 160))).toThrow(
			/build the spec at the file's resolution/
		);
		expect(() => readTflite(new TextEncoder().encode('not a model at all'))).toThrow(
			/Not a TensorFlow Lite file/
		);
	});
});
