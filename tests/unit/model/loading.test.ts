/**
 * Where weights come from: the registry's order, the loader over a fake network of "what
 * exists", the offline cache, corrupt files, and progress for one progress bar.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mobilenetV1 } from '../../../src/lib/architecture';
import {
	findTrainedWeights,
	loadLayersWeights,
	loadTrainedWeights
} from '../../../src/lib/model/load';
import {
	aggregateProgress,
	ProgressTracker,
	type LoadProgress
} from '../../../src/lib/model/progress';
import {
	loadingOrder,
	TRAINED_MODELS,
	trainedModelsFor,
	weightSources
} from '../../../src/lib/model/registry';
import { memoryCache } from '../../../src/lib/model/weights-cache';
import { expectedWeights } from '../../../src/lib/model/weights';
import { hasModel, modelsDir } from './helpers';

const v025 = TRAINED_MODELS.find((m) => m.id === 'mobilenet_v1_0.25_224')!;
const ids = (config: Parameters<typeof trainedModelsFor>[0]) => {
	const found = trainedModelsFor(config);
	return 'models' in found ? found.models.map((m) => m.id) : found;
};

describe('registry', () => {
	it('lists Google’s float V1 models at its tfjs hosting and the 8-bit models the site converts', () => {
		const float = TRAINED_MODELS.filter((m) => m.precision === 'float32');
		expect(float.map((m) => m.alpha)).toEqual([0.25, 0.5, 0.75, 1]);
		expect(float.every((m) => m.form === 'keras' && m.version === 'v1')).toBe(true);
		expect(v025.remoteUrl).toBe(
			'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/model.json'
		);
		const eight = TRAINED_MODELS.filter((m) => m.precision === 'uint8');
		expect(eight.map((m) => [m.id, m.resolution])).toEqual([
			['mobilenet_v1_0.5_160_quant', 160],
			['mobilenet_v1_1.0_224_quant', 224],
			['mobilenet_v2_1.0_224_quant', 224]
		]);
		// Only the site serves conversions: there is no Google copy of them to fall back to.
		expect(eight.every((m) => m.form === 'folded' && m.remoteUrl === null)).toBe(true);
	});

	it('gives each model the top-1 published for exactly those weights', () => {
		const top1 = (id: string) => {
			const { percent, source } = TRAINED_MODELS.find((m) => m.id === id)!.top1;
			return [percent, source.label];
		};
		expect(top1('mobilenet_v1_1.0_224')).toEqual([70.9, 'TF-slim MobileNet V1 page']);
		expect(top1('mobilenet_v1_0.25_224')).toEqual([49.8, 'TF-slim MobileNet V1 page']);
		expect(top1('mobilenet_v1_1.0_224_quant')).toEqual([70.0, 'TensorFlow Lite hosted models']);
		expect(top1('mobilenet_v2_1.0_224_quant')).toEqual([70.8, 'TensorFlow Lite hosted models']);
		expect(top1('mobilenet_v1_0.5_160_quant')).toEqual([57.2, 'TensorFlow Lite hosted models']);
	});

	it('finds float weights first, then 8-bit ones, and says why there are none', () => {
		expect(ids({ version: 'v1', alpha: 1 })).toEqual([
			'mobilenet_v1_1.0_224',
			'mobilenet_v1_1.0_224_quant'
		]);
		expect(ids({ version: 'v1', alpha: 0.5 })).toEqual([
			'mobilenet_v1_0.50_224',
			'mobilenet_v1_0.5_160_quant'
		]);
		expect(ids({ version: 'v1', alpha: 0.75 })).toEqual(['mobilenet_v1_0.75_224']);
		expect(ids({ version: 'v2', alpha: 1 })).toEqual(['mobilenet_v2_1.0_224_quant']);
		expect(ids({ version: 'v1', alpha: 0.6 })).toEqual({ reason: 'alpha-not-published' });
		expect(ids({ version: 'v2', alpha: 0.75 })).toEqual({ reason: 'width-not-converted' });
		expect(ids({ version: 'v3-small', alpha: 0.75 })).toEqual({ reason: 'no-layers-weights' });
		expect(ids({ version: 'v3-large', alpha: 1 })).toEqual({ reason: 'no-layers-weights' });
	});

	it('orders sources: same origin, then the build-time mirror, then Google (float models only)', () => {
		const sources = weightSources(v025, { mirrorBaseUrl: 'https://mirror.example/w' });
		expect(sources).toEqual([
			{ kind: 'same-origin', url: '/models/mobilenet_v1_0.25_224/model.json' },
			{ kind: 'mirror', url: 'https://mirror.example/w/mobilenet_v1_0.25_224/model.json' },
			{ kind: 'official', url: v025.remoteUrl }
		]);
		expect(
			weightSources(v025, { modelsPath: '/base/models', mirrorBaseUrl: ' ' }).map((s) => s.kind)
		).toEqual(['same-origin', 'official']);
		expect(weightSources(v025, { allowOfficial: false }).map((s) => s.kind)).toEqual([
			'same-origin'
		]);
	});

	it('tries V1 1.0’s float weights everywhere before its 8-bit conversion', () => {
		const found = trainedModelsFor({ version: 'v1', alpha: 1 });
		if (!('models' in found)) throw new Error('no models');
		const order = loadingOrder(found.models, { mirrorBaseUrl: 'https://mirror.example/' });
		expect(order.map(({ model, source }) => `${model.precision} ${source.kind}`)).toEqual([
			'float32 same-origin',
			'float32 mirror',
			'float32 official',
			'uint8 same-origin',
			'uint8 mirror'
		]);
	});

	it('gives only the precision asked for (a lesson showing Google’s 8-bit weights)', () => {
		const eightBit = trainedModelsFor({ version: 'v1', alpha: 1 }, 'uint8');
		if (!('models' in eightBit)) throw new Error('no 8-bit V1 1.0');
		expect(eightBit.models.map((m) => m.precision)).toEqual(['uint8']);
		const float = trainedModelsFor({ version: 'v1', alpha: 1 }, 'float32');
		if (!('models' in float)) throw new Error('no float V1 1.0');
		expect(float.models.map((m) => m.precision)).toEqual(['float32']);
		// V1 0.25 has float weights only: asked for 8 bits, it has none.
		expect('models' in trainedModelsFor({ version: 'v1', alpha: 0.25 }, 'uint8')).toBe(false);
	});
});

describe('progress', () => {
	it('sums files, stays unknown while a size is unknown, and clamps', () => {
		expect(aggregateProgress([])).toEqual({
			loadedBytes: 0,
			totalBytes: 0,
			fraction: 1,
			fromCache: false
		});
		expect(aggregateProgress([{ loadedBytes: 5, totalBytes: null }]).fraction).toBeNull();
		const p = aggregateProgress([
			{ loadedBytes: 50, totalBytes: 100 },
			{ loadedBytes: 25, totalBytes: 300 }
		]);
		expect(p).toMatchObject({ loadedBytes: 75, totalBytes: 400, fraction: 0.1875 });
		expect(aggregateProgress([{ loadedBytes: 120, totalBytes: 100 }]).fraction).toBe(1);
	});

	it('reports every change and whether everything came from the cache', () => {
		const seen: LoadProgress[] = [];
		const t = new ProgressTracker((p) => seen.push(p));
		t.expect([['a', 10]]);
		t.update('a', 4, true);
		t.expect([['b', 10]]);
		t.update('b', 10, true);
		expect(seen.at(-1)).toMatchObject({ fraction: 0.7, fromCache: true });
		t.update('a', 10, false);
		expect(seen.at(-1)).toMatchObject({ fraction: 1, fromCache: false });
	});
});

/** A fake network holding the shared models at the given URL prefixes, counting requests. */
function fakeNet(prefixes: string[], mutate?: (url: string, bytes: Buffer) => Buffer) {
	const requests: string[] = [];
	const fetch = (async (input: RequestInfo | URL) => {
		const url = String(input);
		requests.push(url);
		const prefix = prefixes.find((p) => url.startsWith(p));
		if (!prefix) return new Response('not found', { status: 404 });
		try {
			const path = url.slice(prefix.length);
			const bytes = readFileSync(resolve(modelsDir, path));
			return new Response(new Uint8Array(mutate ? mutate(url, bytes) : bytes));
		} catch {
			return new Response('not found', { status: 404 });
		}
	}) as typeof globalThis.fetch;
	return { fetch, requests };
}

describe.skipIf(!hasModel('mobilenet_v1_0.25_224'))('loading the official weights', () => {
	const own = 'http://localhost/models/';
	const mirror = 'https://mirror.example/';
	const google = 'https://storage.googleapis.com/tfjs-models/tfjs/';
	const spec = mobilenetV1(0.25, 224);

	it('decodes every weight the spec needs, with byte progress up to 100%', async () => {
		const seen: LoadProgress[] = [];
		const net = fakeNet([own]);
		const weights = await loadLayersWeights(`${own}mobilenet_v1_0.25_224/model.json`, {
			fetch: net.fetch,
			onProgress: (p) => seen.push(p)
		});
		const expected = expectedWeights(spec);
		expect(new Map([...weights].map(([k, w]) => [k, w.shape]))).toEqual(expected);
		expect(net.requests).toHaveLength(56); // model.json + 55 shards
		const last = seen.at(-1)!;
		expect(last.fraction).toBe(1);
		expect(last.loadedBytes).toBe(
			spec.totals.kerasParams * 4 + last.loadedBytes - spec.totals.kerasParams * 4
		);
		expect(last.totalBytes! - spec.totals.kerasParams * 4).toBe(
			readFileSync(resolve(modelsDir, 'mobilenet_v1_0.25_224/model.json')).byteLength
		);
		const fractions = seen.map((p) => p.fraction).filter((f): f is number => f !== null);
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
	});

	it('tries the site, the mirror, then Google, and uses the first that answers', async () => {
		for (const [have, kind] of [
			[[own, mirror, google], 'same-origin'],
			[[mirror, google], 'mirror'],
			[[google], 'official']
		] as const) {
			const net = fakeNet([...have]);
			const result = await loadTrainedWeights(
				{ version: 'v1', alpha: 0.25 },
				{ fetch: net.fetch, mirrorBaseUrl: mirror, modelsPath: own }
			);
			expect(result.weights).toBe('trained');
			if (result.weights === 'trained') expect(result.source.kind).toBe(kind);
		}
	});

	it('reports download-failed with every attempt when nothing answers', async () => {
		const result = await loadTrainedWeights(
			{ version: 'v1', alpha: 0.25 },
			{ fetch: fakeNet([]).fetch, modelsPath: own }
		);
		expect(result).toMatchObject({ weights: 'untrained', reason: 'download-failed' });
		if (result.weights === 'untrained') {
			expect(result.attempts.map((a) => a.source.kind)).toEqual(['same-origin', 'official']);
			expect(result.attempts[0]!.error).toMatch(/HTTP 404/);
		}
	});

	it('does not download for networks without published weights', async () => {
		const net = fakeNet([own]);
		const result = await loadTrainedWeights(
			{ version: 'v3-large', alpha: 1 },
			{ fetch: net.fetch }
		);
		expect(result).toMatchObject({ weights: 'untrained', reason: 'no-layers-weights' });
		expect(net.requests).toHaveLength(0);
	});

	it('skips a truncated copy, evicts it from the cache and falls back to the next source', async () => {
		const cache = memoryCache();
		// The site's copy of the largest shard is cut short; Google's is whole.
		const { fetch } = fakeNet([own, google], (url, bytes) =>
			url.startsWith(own) && url.endsWith('group29-shard1of1') ? bytes.subarray(0, 1000) : bytes
		);
		const result = await loadTrainedWeights(
			{ version: 'v1', alpha: 0.25 },
			{ fetch, cache, modelsPath: own }
		);
		expect(result.weights).toBe('trained');
		if (result.weights === 'trained') expect(result.source.kind).toBe('official');
		expect(await cache.get(`${own}mobilenet_v1_0.25_224/group29-shard1of1`)).toBeNull();
		expect(await cache.get(`${google}mobilenet_v1_0.25_224/group29-shard1of1`)).not.toBeNull();
	});

	it('works offline from the cache after one visit', async () => {
		const cache = memoryCache();
		const online = fakeNet([own]);
		await loadTrainedWeights(
			{ version: 'v1', alpha: 0.25 },
			{ fetch: online.fetch, cache, modelsPath: own }
		);
		expect(cache.size).toBe(56);
		const offline = fakeNet([]);
		const seen: LoadProgress[] = [];
		const result = await loadTrainedWeights(
			{ version: 'v1', alpha: 0.25 },
			{ fetch: offline.fetch, cache, modelsPath: own, onProgress: (_, p) => seen.push(p) }
		);
		expect(result.weights).toBe('trained');
		expect(offline.requests).toHaveLength(0);
		expect(seen.at(-1)).toMatchObject({ fraction: 1, fromCache: true });
	});
});

describe.skipIf(!hasModel('mobilenet_v1_0.25_224'))(
	'choosing between float and 8-bit weights',
	() => {
		const own = 'http://localhost/models/';
		const google = 'https://storage.googleapis.com/tfjs-models/tfjs/';
		/** A network where the V1 1.0 folders hold other files (only the order is under test). */
		const stand = (answering: string[]) => {
			const requests: string[] = [];
			const fetch = (async (input: RequestInfo | URL) => {
				const url = String(input);
				requests.push(url);
				const hit = answering.find((prefix) => url.startsWith(prefix));
				if (!hit) return new Response('not found', { status: 404 });
				const file = url.slice(url.lastIndexOf('/') + 1);
				return new Response(
					new Uint8Array(readFileSync(resolve(modelsDir, 'mobilenet_v1_0.25_224', file)))
				);
			}) as typeof globalThis.fetch;
			return { fetch, requests };
		};

		it('loads Google’s float V1 1.0 when it answers, and the 8-bit conversion only when it does not', async () => {
			const float = `${google}mobilenet_v1_1.0_224/`;
			const eight = `${own}mobilenet_v1_1.0_224_quant/`;
			const online = stand([float, eight]);
			const a = await loadTrainedWeights(
				{ version: 'v1', alpha: 1 },
				{ ...online, modelsPath: own }
			);
			expect(a).toMatchObject({
				weights: 'trained',
				model: { precision: 'float32' },
				source: { kind: 'official' }
			});
			expect(online.requests[0]).toBe(`${own}mobilenet_v1_1.0_224/model.json`);

			const offline = stand([eight]);
			const b = await loadTrainedWeights(
				{ version: 'v1', alpha: 1 },
				{ ...offline, modelsPath: own }
			);
			expect(b).toMatchObject({
				weights: 'trained',
				model: { id: 'mobilenet_v1_1.0_224_quant', precision: 'uint8' },
				source: { kind: 'same-origin' }
			});
			expect(offline.requests.slice(0, 3)).toEqual([
				`${own}mobilenet_v1_1.0_224/model.json`,
				`${float}model.json`,
				`${eight}model.json`
			]);
			await expect(
				findTrainedWeights({ version: 'v1', alpha: 1 }, { ...stand([eight]), modelsPath: own })
			).resolves.toMatchObject({ model: { precision: 'uint8' } });
			await expect(
				findTrainedWeights({ version: 'v1', alpha: 1 }, { ...stand([]), modelsPath: own })
			).resolves.toBeNull();
			await expect(findTrainedWeights({ version: 'v3-small', alpha: 1 })).resolves.toBeNull();
		});
	}
);
