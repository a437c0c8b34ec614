/**
 * Checks the V1 spec against the official Keras models in ../shared/models (tfjs layers format):
 * names, kernel sizes, strides, widths, and every weight shape in the manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mobilenetV1 } from '../../../src/lib/architecture';
import type { LayerSpec } from '../../../src/lib/architecture';

interface KerasLayer {
	class_name: string;
	config: {
		name: string;
		kernel_size?: [number, number];
		strides?: [number, number];
		filters?: number;
		use_bias?: boolean;
		activation?: string;
	};
}
interface ModelJson {
	modelTopology: { model_config: { config: { layers: KerasLayer[] } } };
	weightsManifest: Array<{ weights: Array<{ name: string; shape: number[] }> }>;
}

const modelsDir = fileURLToPath(new URL('../../../../shared/models/', import.meta.url));

/** Weight shapes the spec implies, keyed like the tfjs manifest. */
function expectedWeights(layers: readonly LayerSpec[]): Map<string, number[]> {
	const shapes = new Map<string, number[]>();
	for (const l of layers) {
		const m = l.input[2];
		const n = l.output[2];
		if (l.kind === 'depthwise')
			shapes.set(`${l.name}/depthwise_kernel`, [l.kernel, l.kernel, m, 1]);
		if (l.kind === 'conv' || l.kind === 'pointwise' || l.kind === 'fc') {
			shapes.set(`${l.name}/kernel`, [l.kernel, l.kernel, m, n]);
		}
		if (l.useBias) shapes.set(`${l.name}/bias`, [n]);
		if (l.bnName) {
			for (const w of ['gamma', 'beta', 'moving_mean', 'moving_variance']) {
				shapes.set(`${l.bnName}/${w}`, [n]);
			}
		}
	}
	return shapes;
}

describe.each([0.25, 0.75])('official Keras MobileNet V1 %d-224', (alpha) => {
	const file = `${modelsDir}mobilenet_v1_${alpha}_224/model.json`;
	const present = existsSync(file);
	if (!present) console.warn(`skipped: ${file} is absent (shared/ models not beside the project)`);

	it.skipIf(!present)('has exactly the weights the spec implies, by name and shape', () => {
		const model = JSON.parse(readFileSync(file, 'utf8')) as ModelJson;
		const actual = new Map(
			model.weightsManifest.flatMap((g) => g.weights).map((w) => [w.name, w.shape])
		);
		const spec = mobilenetV1(alpha, 224);
		expect(actual).toEqual(expectedWeights(spec.layers));
		const count = [...actual.values()].reduce(
			(s, shape) => s + shape.reduce((a, b) => a * b, 1),
			0
		);
		expect(count).toBe(spec.totals.kerasParams);
	});

	it.skipIf(!present)(
		'has the spec layers, in order, with their kernels, strides and widths',
		() => {
			const model = JSON.parse(readFileSync(file, 'utf8')) as ModelJson;
			const keras = model.modelTopology.model_config.config.layers;
			const index = new Map(keras.map((l, i) => [l.config.name, { layer: l, i }]));
			let last = -1;
			for (const l of mobilenetV1(alpha, 224).layers) {
				const k = index.get(l.name);
				expect(k, l.name).toBeDefined();
				expect(k!.i).toBeGreaterThan(last);
				last = k!.i;
				const { config } = k!.layer;
				if (config.kernel_size) expect(config.kernel_size).toEqual([l.kernel, l.kernel]);
				if (config.strides) expect(config.strides).toEqual([l.stride, l.stride]);
				if (config.filters !== undefined) expect(config.filters).toBe(l.output[2]);
				if (config.use_bias !== undefined) expect(config.use_bias).toBe(l.useBias);
				for (const name of [l.bnName, l.activationName]) {
					if (name) expect(index.has(name), name).toBe(true);
				}
				if (l.activationName) {
					expect(index.get(l.activationName)?.layer.config.activation).toBe(l.activation);
				}
			}
		}
	);
});
