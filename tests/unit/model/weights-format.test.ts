/** tfjs's weights format both ways: float32 and uint8-quantized entries, shards, refusals. */
import { describe, expect, it } from 'vitest';
import {
	decodeWeights,
	encodeWeights,
	groupBytes,
	readManifest,
	weightsFiles,
	type StoredWeight
} from '../../../src/lib/model/weights-format';

const float: StoredWeight = {
	name: 'conv1/bias',
	shape: [3],
	data: new Float32Array([0.5, -1.25, 3]),
	quantization: null
};
const levels: StoredWeight = {
	name: 'conv1/kernel',
	shape: [1, 1, 2, 3],
	data: new Uint8Array([0, 1, 128, 129, 254, 255]),
	quantization: { dtype: 'uint8', scale: 0.0234375, zeroPoint: 128 }
};

function joined(shards: Array<{ bytes: Uint8Array }>): ArrayBuffer {
	const out = new Uint8Array(shards.reduce((n, s) => n + s.bytes.length, 0));
	let at = 0;
	for (const s of shards) {
		out.set(s.bytes, at);
		at += s.bytes.length;
	}
	return out.buffer;
}

describe('the weights format', () => {
	it('stores 8-bit weights as their levels with tfjs’s scale and min, and decodes them back', () => {
		const { manifest, shards } = encodeWeights([levels, float]);
		expect(manifest[0]!.weights).toEqual([
			{
				name: 'conv1/kernel',
				shape: [1, 1, 2, 3],
				dtype: 'float32',
				quantization: { dtype: 'uint8', scale: 0.0234375, min: -3 }
			},
			{ name: 'conv1/bias', shape: [3], dtype: 'float32' }
		]);
		expect(groupBytes(manifest[0]!)).toBe(6 + 12);
		const decoded = decodeWeights(readManifest({ weightsManifest: manifest }), [joined(shards)]);
		const kernel = decoded.get('conv1/kernel')!;
		expect([...kernel.data]).toEqual([0, 1, 128, 129, 254, 255].map((q) => 0.0234375 * (q - 128)));
		expect(kernel.quantization).toEqual(levels.quantization);
		expect(decoded.get('conv1/bias')).toEqual({ shape: [3], data: float.data });
	});

	it('cuts shards where asked and names them as tfjs does', () => {
		const { manifest, shards } = encodeWeights([levels, float], 8);
		expect(shards.map((s) => [s.path, s.bytes.length])).toEqual([
			['group1-shard1of3.bin', 8],
			['group1-shard2of3.bin', 8],
			['group1-shard3of3.bin', 2]
		]);
		expect(manifest[0]!.paths).toEqual(shards.map((s) => s.path));
		const files = weightsFiles([float], { model: 'test' });
		expect(files.map((f) => f.path)).toEqual(['model.json', 'group1-shard1of1.bin']);
		const json = JSON.parse(new TextDecoder().decode(files[0]!.bytes));
		expect(json.userDefinedMetadata).toEqual({ model: 'test' });
		expect(readManifest(json)).toEqual(json.weightsManifest);
	});

	it('refuses what it cannot decode, and sizes that do not match', () => {
		const entry = (quantization: unknown, dtype = 'float32') => ({
			weightsManifest: [
				{ paths: ['a.bin'], weights: [{ name: 'w', shape: [2], dtype, quantization }] }
			]
		});
		expect(() => readManifest(entry({ dtype: 'uint16', scale: 1, min: 0 }))).toThrow(
			/w is float32 stored as uint16/
		);
		expect(() => readManifest(entry({ dtype: 'uint8' }))).toThrow(/with a scale and min/);
		expect(() => readManifest(entry(undefined, 'int32'))).toThrow(/w is int32/);
		expect(() => readManifest({})).toThrow(/no weightsManifest/);
		const { manifest } = encodeWeights([levels]);
		expect(() => decodeWeights(manifest, [new ArrayBuffer(5)])).toThrow(
			/has 5 bytes; its manifest says 6/
		);
		expect(() => encodeWeights([{ ...float, shape: [4] }])).toThrow(
			/conv1\/bias has 3 values; its shape \[4\] needs 4/
		);
	});
});
