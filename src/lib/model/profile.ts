/**
 * Per-layer measured time, by replaying the network one layer at a time.
 *
 * What "measured" means here: each tf.layers layer is applied on its own to the previous
 * layers' real outputs, and the wall-clock time of that call is charged to the spec layer it
 * belongs to (a conv's BatchNorm and activation included). On wasm and cpu a kernel finishes
 * inside the call, so this is the layer's compute time plus one dispatch; on WebGL the output
 * is read back to wait for the GPU, so those figures include a download. The medians of several
 * replays are reported; their sum is close to, and a little above, one forward pass.
 * (tf.profile would list kernels without saying which layer ran them, and lists each op's
 * `…__op` wrapper beside its kernel, which double-counts.)
 */
import * as tf from '@tensorflow/tfjs-core';
import { runStep, type BuiltNetwork } from './build';

export interface LayerTiming {
	/** Spec layer name. */
	name: string;
	/** Median wall-clock ms over the replays. */
	ms: number;
}

export interface ProfileOptions {
	/** Replays to take the median of (default 5), after one warm-up replay. */
	runs?: number;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times every spec layer of `net` on `input` [1, res, res, 3]; the input stays the caller's. */
export async function profileLayers(
	net: BuiltNetwork,
	input: tf.Tensor4D,
	options: ProfileOptions = {}
): Promise<LayerTiming[]> {
	const runs = Math.max(1, options.runs ?? 5);
	const readBack = tf.getBackend() === 'webgl';
	const samples = new Map<string, number[]>(net.layerNames.map((n) => [n, []]));

	for (let run = 0; run <= runs; run++) {
		const values: Array<tf.Tensor | undefined> = [input];
		const perLayer = new Map<string, number>();
		try {
			for (const step of net.steps) {
				const started = performance.now();
				const out = runStep(step, values);
				if (readBack) await out.data();
				const ms = performance.now() - started;
				perLayer.set(step.owner, (perLayer.get(step.owner) ?? 0) + ms);
			}
		} finally {
			for (const t of values.slice(1)) t?.dispose();
		}
		if (run > 0) for (const [name, ms] of perLayer) samples.get(name)?.push(ms);
	}
	return net.layerNames.map((name) => ({ name, ms: median(samples.get(name) ?? [0]) }));
}
