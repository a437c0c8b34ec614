/**
 * tfjs's weights format, both ways: a model.json whose weightsManifest lists each weight's name,
 * shape and dtype, and binary shards holding the values back to back. Google's V1 models use it
 * with float32 values; the site's conversions of Google's 8-bit models (`npm run models`) store
 * 8-bit kernels with the manifest's uint8 quantization ({ dtype: 'uint8', scale, min }, value =
 * q × scale + min), so they download at a quarter of the size. Decoding dequantizes them and keeps
 * the scale and zero point beside the values (WeightArray.quantization).
 */
import type { Quantization, WeightArray } from './weights';

export interface ManifestWeight {
	name: string;
	shape: number[];
	dtype: string;
	quantization?: { dtype: string; scale?: number; min?: number };
}

export interface ManifestGroup {
	paths: string[];
	weights: ManifestWeight[];
}

/** A weight to store: float values, or 8-bit levels with their quantization. */
export interface StoredWeight {
	name: string;
	shape: number[];
	data: Float32Array | Uint8Array;
	quantization: Quantization | null;
}

const BYTES_PER_FLOAT = 4;
/** tfjs's converter cuts shards at 4 MB; so does this. */
export const SHARD_BYTES = 4 * 1024 * 1024;

function count(shape: readonly number[]): number {
	return shape.reduce((a, b) => a * b, 1);
}

function storedBytes(w: ManifestWeight): number {
	return count(w.shape) * (w.quantization ? 1 : BYTES_PER_FLOAT);
}

/** Reads weightsManifest out of a parsed model.json, rejecting what this loader cannot decode. */
export function readManifest(modelJson: unknown): ManifestGroup[] {
	const manifest = (modelJson as { weightsManifest?: unknown } | null)?.weightsManifest;
	if (!Array.isArray(manifest)) throw new Error('model.json has no weightsManifest.');
	for (const group of manifest as ManifestGroup[]) {
		if (
			!Array.isArray(group?.paths) ||
			!Array.isArray(group?.weights) ||
			group.paths.length === 0
		) {
			throw new Error('model.json has a malformed weightsManifest group.');
		}
		for (const w of group.weights) {
			const q = w.quantization;
			const float = w.dtype === 'float32' && !q;
			const uint8 =
				w.dtype === 'float32' &&
				q?.dtype === 'uint8' &&
				Number.isFinite(q.scale) &&
				Number.isFinite(q.min) &&
				q.scale! > 0;
			if (!float && !uint8) {
				throw new Error(
					`Weight ${w.name} is ${w.dtype}${q ? ` stored as ${q.dtype}` : ''}; only float32, or float32 stored as uint8 with a scale and min, can be read.`
				);
			}
		}
	}
	return manifest as ManifestGroup[];
}

/** Bytes each group's shards must add up to. */
export function groupBytes(group: ManifestGroup): number {
	return group.weights.reduce((sum, w) => sum + storedBytes(w), 0);
}

/** Splits each group's concatenated bytes into named weights, checking every size. */
export function decodeWeights(
	manifest: readonly ManifestGroup[],
	groups: readonly ArrayBuffer[]
): Map<string, WeightArray> {
	const out = new Map<string, WeightArray>();
	manifest.forEach((group, g) => {
		const buffer = groups[g];
		const expected = groupBytes(group);
		if (!buffer || buffer.byteLength !== expected) {
			throw new Error(
				`Weight group ${g + 1} (${group.paths.join(', ')}) has ${buffer?.byteLength ?? 0} bytes; its manifest says ${expected}.`
			);
		}
		let offset = 0;
		for (const w of group.weights) {
			const bytes = storedBytes(w);
			const q = w.quantization;
			if (q) {
				const scale = q.scale!;
				// min = −zero point × scale; the zero point is an integer level.
				const zeroPoint = Math.round(-q.min! / scale);
				const levels = new Uint8Array(buffer, offset, bytes);
				const data = new Float32Array(bytes);
				for (let i = 0; i < bytes; i++) data[i] = scale * (levels[i]! - zeroPoint);
				out.set(w.name, {
					shape: w.shape,
					data,
					quantization: { dtype: 'uint8', scale, zeroPoint }
				});
			} else {
				out.set(w.name, {
					shape: w.shape,
					data: new Float32Array(buffer.slice(offset, offset + bytes))
				});
			}
			offset += bytes;
		}
	});
	return out;
}

/**
 * model.json's weightsManifest and the shard files for `weights`, in one group cut into shards of
 * at most `shardBytes` (named as tfjs names them: group1-shard1of2.bin, …).
 */
export function encodeWeights(
	weights: readonly StoredWeight[],
	shardBytes = SHARD_BYTES
): { manifest: ManifestGroup[]; shards: Array<{ path: string; bytes: Uint8Array }> } {
	const entries: ManifestWeight[] = weights.map((w) => {
		if (w.data.length !== count(w.shape)) {
			throw new Error(
				`${w.name} has ${w.data.length} values; its shape [${w.shape}] needs ${count(w.shape)}.`
			);
		}
		const q = w.quantization;
		return {
			name: w.name,
			shape: [...w.shape],
			dtype: 'float32',
			...(q && { quantization: { dtype: q.dtype, scale: q.scale, min: -q.zeroPoint * q.scale } })
		};
	});
	const all = new Uint8Array(weights.reduce((sum, w) => sum + w.data.byteLength, 0));
	let at = 0;
	for (const w of weights) {
		all.set(new Uint8Array(w.data.buffer, w.data.byteOffset, w.data.byteLength), at);
		at += w.data.byteLength;
	}
	const n = Math.max(1, Math.ceil(all.length / shardBytes));
	const shards = Array.from({ length: n }, (_, i) => ({
		path: `group1-shard${i + 1}of${n}.bin`,
		bytes: all.subarray(i * shardBytes, (i + 1) * shardBytes)
	}));
	return { manifest: [{ paths: shards.map((s) => s.path), weights: entries }], shards };
}

/**
 * The files of a weights folder: model.json (no topology: the network always comes from the
 * architecture engine) and its shards. `metadata` goes into model.json's userDefinedMetadata.
 */
export function weightsFiles(
	weights: readonly StoredWeight[],
	metadata: Record<string, unknown>,
	shardBytes = SHARD_BYTES
): Array<{ path: string; bytes: Uint8Array }> {
	const { manifest, shards } = encodeWeights(weights, shardBytes);
	const modelJson = {
		format: 'weights-only',
		generatedBy: 'separable',
		convertedBy: 'npm run models (src/lib/model/tflite)',
		userDefinedMetadata: metadata,
		weightsManifest: manifest
	};
	const json = new TextEncoder().encode(JSON.stringify(modelJson));
	return [{ path: 'model.json', bytes: json }, ...shards];
}
