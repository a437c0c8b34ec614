/**
 * Google's 8-bit TensorFlow Lite MobileNets as the site's weights: read (read.ts), mapped onto the
 * architecture engine's spec by structure (map.ts), and converted to Keras names and layouts with
 * BatchNorm folded and the 8-bit kernels kept (convert.ts). Used by `npm run models`, the
 * development servers and the tests, in Node; the browser only ever loads the result.
 */
import { buildSpec, type NetworkConfig } from '$lib/architecture';
import { mapTflite, type TfliteMapping } from './map';
import { convertWeights } from './convert';
import { readTflite } from './read';
import { weightsFiles, type StoredWeight } from '../weights-format';

export { readTflite } from './read';
export { mapTflite } from './map';
export type { TfliteMapping } from './map';

/**
 * Reads the files of one network (several when it was split, in order), maps them onto the spec
 * of `config` at the resolution they were converted at, and returns the network's weights.
 */
export function convertTflite(
	files: readonly Uint8Array[],
	config: Pick<NetworkConfig, 'version' | 'alpha' | 'resolution'>
): { mapping: TfliteMapping; weights: StoredWeight[] } {
	const spec = buildSpec({ ...config, classes: 1000 });
	const mapping = mapTflite(files.map(readTflite), spec);
	return { mapping, weights: convertWeights(mapping) };
}

/**
 * @public Called by scripts/lib/tflite-models.js, which imports this module through importTs.
 *
 * The weights folder for one converted model (model.json and its shards), and a summary of what
 * was mapped. `metadata` (where the files came from) goes into model.json.
 */
export function convertedFolder(
	files: readonly Uint8Array[],
	config: Pick<NetworkConfig, 'version' | 'alpha' | 'resolution'>,
	metadata: Record<string, unknown>
): {
	files: Array<{ path: string; bytes: Uint8Array }>;
	tensors: number;
	weights: number;
	bytes: number;
} {
	const { mapping, weights } = convertTflite(files, config);
	const folder = weightsFiles(weights, {
		...metadata,
		batchNorm: 'folded',
		classes: 'ImageNet 1000 (the file’s "background" class dropped)',
		kernels: 'uint8 levels as stored by TensorFlow Lite; biases float32'
	});
	return {
		files: folder,
		tensors: mapping.tensors.length,
		weights: weights.length,
		bytes: folder.reduce((sum, f) => sum + f.bytes.byteLength, 0)
	};
}
