/**
 * One forward pass: probabilities, the top classes and, optionally, every layer's output, read
 * back into typed arrays so that callers (the lab UI) never hold tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Shape } from '$lib/architecture';
import type { BuiltNetwork } from './build';
import { className } from './classes';
import { readInto, type ReadbackPool } from './readback';

export interface ClassScore {
	/** Output index (ImageNet class id for 1000-class networks). */
	index: number;
	/** ImageNet class name, or "class i" for other class counts. */
	name: string;
	probability: number;
}

export interface LayerActivation {
	/** Spec layer name (Keras name). */
	name: string;
	/** [height, width, channels], equal to the spec layer's output shape. */
	shape: Shape;
	/** Channels last: value (y, x, c) at (y·width + x)·channels + c. */
	data: Float32Array;
}

export interface Prediction {
	/** The k most probable classes, most probable first. */
	top: ClassScore[];
	probabilities: Float32Array;
	/** The requested spec layers' outputs, in spec order; null when none were requested. */
	activations: LayerActivation[] | null;
	/** Wall-clock ms of the forward pass (on wasm/cpu the kernels run inside it). */
	inferenceMs: number;
	/** Wall-clock ms to read the results back from the backend. */
	readMs: number;
	/**
	 * Gives the activations' arrays back to the pool they came from (PredictOptions.pool), for a
	 * later pass to fill: call it once nothing shows this prediction any more. Without a pool it
	 * does nothing; calling it again does nothing.
	 */
	release(): void;
}

/** Indices of the k largest values, largest first (ties by lower index). */
export function topK(values: ArrayLike<number>, k: number, classes = values.length): ClassScore[] {
	const order = Array.from({ length: values.length }, (_, i) => i);
	order.sort((a, b) => values[b]! - values[a]! || a - b);
	return order
		.slice(0, Math.max(0, k))
		.map((index) => ({ index, name: className(index, classes), probability: values[index]! }));
}

export interface PredictOptions {
	/**
	 * Layer outputs to return: true for every layer (default), false for none, or the spec
	 * names of the layers wanted. All come from the same single pass; outputs not asked for are
	 * freed unread, which saves copying them out of the backend.
	 */
	activations?: boolean | readonly string[];
	/** How many classes to rank (default 5). */
	topK?: number;
	/** Arrays to read the activations into, reused across passes (see readback.ts). */
	pool?: ReadbackPool;
}

function selectLayers(net: BuiltNetwork, wanted: boolean | readonly string[]): Set<string> {
	if (wanted === true) return new Set(net.layerNames);
	if (wanted === false) return new Set();
	const unknown = wanted.filter((name) => !net.layerNames.includes(name));
	if (unknown.length > 0) throw new Error(`No layer named ${unknown.join(', ')} in this network.`);
	return new Set(wanted);
}

/** Runs the network on a preprocessed input [1, res, res, 3]. The input stays the caller's. */
export async function predict(
	net: BuiltNetwork,
	input: tf.Tensor4D,
	options: PredictOptions = {}
): Promise<Prediction> {
	const selected = selectLayers(net, options.activations ?? true);
	const names = net.layerNames.filter((name) => selected.has(name));
	const started = performance.now();
	const out = net.forward(input, new Set(names));
	const inferenceMs = performance.now() - started;
	const layers = names.map((name) => out.layers.get(name)!);
	const tensors = [out.probabilities, ...layers];
	const { pool } = options;
	try {
		const probabilities = (await out.probabilities.data()) as Float32Array;
		const values = await Promise.all(
			layers.map((t) => (pool ? readInto(t, pool) : (t.data() as Promise<Float32Array>)))
		);
		const readMs = performance.now() - started - inferenceMs;
		const shapes = new Map(net.spec.layers.map((l) => [l.name, l.output]));
		const activations =
			selected.size > 0
				? names.map((name, i) => ({ name, shape: shapes.get(name)!, data: values[i]! }))
				: null;
		let released = false;
		return {
			top: topK(probabilities, options.topK ?? 5, net.spec.config.classes),
			probabilities,
			activations,
			inferenceMs,
			readMs,
			release() {
				if (released || !pool) return;
				released = true;
				pool.give(...values);
			}
		};
	} finally {
		for (const t of tensors) t.dispose();
	}
}
