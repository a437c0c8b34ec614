/**
 * The lab's live network (LiveNetwork) over a real session on the cpu backend: what a component
 * renders for 8-bit weights (top-5 before and after, each layer's error, switching back), a
 * layer's weights histogram, and time against mult-adds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { mobilenetV1 } from '$lib/architecture';
import type { Photo } from '$lib/image/decode';
import { LiveNetwork } from '$lib/lab/live.svelte';
import { fileFetch, hasModel, modelsDir, readPng, useCpu } from '../model/helpers';

/** A photo of a PNG's pixels (Node has no ImageBitmap to hold them). */
function photoOf(name: string): Photo {
	const pixels = readPng(name);
	return {
		width: pixels.width,
		height: pixels.height,
		pixels: () => pixels,
		close: () => {}
	} as unknown as Photo;
}

/** Resolves once the live network has an answer for what was last asked. */
async function answered(live: LiveNetwork) {
	for (let i = 0; i < 600 && (live.pending || !live.result); i++) {
		await new Promise((done) => setTimeout(done, 50));
	}
	flushSync();
}

/** A live network whose weights come from ../shared/models, with no cache. */
function localLive(): LiveNetwork {
	return new LiveNetwork(
		(model) =>
			new model.ModelSession({
				backend: false,
				cache: null,
				fetch: fileFetch(modelsDir),
				sources: { modelsPath: 'http://localhost/models/', allowOfficial: false }
			})
	);
}

describe.skipIf(!hasModel('mobilenet_v1_0.25_224'))(
	'the live network',
	{ timeout: 120_000 },
	() => {
		beforeAll(useCpu);

		it('compares 8-bit weights with the float ones and restores them exactly', async () => {
			const live = localLive();
			try {
				live.setImage({
					photo: photoOf('chelsea.png'),
					name: 'chelsea.png',
					extremeAspect: false
				});
				const spec = mobilenetV1(0.25, 224);
				live.request(spec);
				await answered(live);
				expect(live.weights).toBe('trained');
				const float = live.result!.prediction!.top;
				expect(float[0]!.name).toBe('Egyptian cat');
				expect(live.quantization).toBeNull();
				// One pass reads every layer back (the strip), the input as the network reads it and,
				// for the products view, a convolution's kernel as it runs.
				expect(live.result!.prediction!.activations!.map((a) => a.name)).toEqual(
					spec.layers.map((l) => l.name)
				);
				expect(live.result!.inputValues!.length).toBe(224 * 224 * 3);
				const kernel = (await live.layerWeights('conv_dw_13'))!;
				expect(kernel.kernelShape).toEqual([
					3,
					3,
					spec.layers.find((l) => l.name === 'conv_dw_13')!.input[2],
					1
				]);

				// A float layer's weights: a continuum, with the step per-tensor 8 bits would give.
				const continuum = live.weightHistogram('conv_dw_13')!;
				expect(continuum.levels).toBeNull();
				expect(live.weightHistogram('global_average_pooling2d_1')).toBeNull();

				live.setQuantize('per-tensor');
				await answered(live);
				const effect = live.quantization!;
				expect(effect.mode).toBe('per-tensor');
				expect(effect.before).toEqual(float);
				expect(effect.after).not.toEqual(float);
				expect(effect.layers.map((l) => l.name)).toEqual(
					spec.layers.filter((l) => l.params > 0).map((l) => l.name)
				);
				// The open layer's weights now sit on 256 levels, and the products view reads those.
				expect(live.weightHistogram('conv_dw_13')!.levels).toBe(256);
				const rounded = (await live.layerWeights('conv_dw_13'))!;
				expect(rounded.kernel).not.toEqual(kernel.kernel);

				live.setQuantize(null);
				await answered(live);
				expect(live.quantization).toBeNull();
				expect(live.result!.prediction!.top).toEqual(float);

				await live.measure();
				flushSync();
				const timed = live.timeVsMacs!;
				expect(timed.layers.map((l) => l.name)).toEqual(spec.layers.map((l) => l.name));
				const shares = timed.kinds.reduce((sum, k) => sum + k.timeShare, 0);
				expect(shares).toBeCloseTo(1, 9);
				expect(timed.kinds.find((k) => k.kind === 'pointwise')!.gmacPerSecond).toBeGreaterThan(0);
			} finally {
				live.dispose();
			}
		});

		it('reruns a pass asked for directly (a lesson widget) when the 8-bit switch moves', async () => {
			const live = localLive();
			try {
				live.setImage({
					photo: photoOf('chelsea.png'),
					name: 'chelsea.png',
					extremeAspect: false
				});
				await live.run(mobilenetV1(0.25, 224));
				const float = live.result!.prediction!.top;
				live.setQuantize('per-channel');
				await answered(live);
				expect(live.quantization!.mode).toBe('per-channel');
				expect(live.quantization!.before).toEqual(float);
			} finally {
				live.dispose();
			}
		});
	}
);

describe('a disposed live network', () => {
	it('starts no session, whatever asks for one after it has gone', async () => {
		let sessions = 0;
		const live = new LiveNetwork((model) => {
			sessions++;
			return new model.ModelSession({ backend: false, cache: null });
		});
		live.dispose();
		// A photo fetched after its widget left, and the pass it would ask for.
		await live.load(new Blob([]), 'late.png');
		await live.run(mobilenetV1(0.25, 224));
		expect(sessions).toBe(0);
		expect(live.result).toBeNull();
		expect(live.imageError).toBeNull();
	});
});

describe('photos given one after another', () => {
	/** A fetch the test settles by hand. */
	function pending() {
		let settle!: { resolve: (blob: Blob) => void; reject: (error: Error) => void };
		const promise = new Promise<Blob>((resolve, reject) => (settle = { resolve, reject }));
		return { promise, ...settle };
	}

	it('keep the last one given, whichever fetch arrives first', async () => {
		const live = new LiveNetwork();
		const first = pending();
		const second = pending();
		const a = live.load(first.promise, 'first.png');
		const b = live.load(second.promise, 'second.png');
		// Empty files are refused, by name: what was given last is what the page speaks of.
		second.resolve(new Blob([]));
		await b;
		expect(live.imageError).toEqual({ kind: 'empty', name: 'second.png' });
		first.resolve(new Blob([]));
		await a;
		expect(live.imageError).toEqual({ kind: 'empty', name: 'second.png' });
		live.dispose();
	});

	it('say nothing of a fetch that failed after another photo was given', async () => {
		const live = new LiveNetwork();
		const first = pending();
		const stale = live.load(first.promise, 'first.png');
		const latest = pending();
		const current = live.load(latest.promise, 'second.png');
		first.reject(new Error('offline'));
		await expect(stale).resolves.toBeUndefined();
		latest.reject(new Error('offline'));
		await expect(current).rejects.toThrow('offline');
		live.dispose();
	});
});
