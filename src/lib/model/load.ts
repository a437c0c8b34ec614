/**
 * Downloads tfjs layers-format weights (model.json + binary shards) into a WeightMap, with
 * byte-level progress and the offline cache. Only the weights manifest is read: the network
 * itself always comes from the architecture engine's spec.
 */
import type { NetworkConfig } from '$lib/architecture';
import { ProgressTracker, type LoadProgress } from './progress';
import {
	loadingOrder,
	trainedModelsFor,
	type SourceOptions,
	type Precision,
	type TrainedModel,
	type UntrainedReason,
	type WeightSource
} from './registry';
import { MODEL_BASE_URL } from './env';
import { browserCache, type ByteCache } from './weights-cache';
import type { WeightArray } from './weights';
import { decodeWeights, groupBytes, readManifest, type ManifestGroup } from './weights-format';

export interface FetchContext {
	fetch?: typeof fetch;
	cache?: ByteCache | null;
	signal?: AbortSignal;
}

/** GET a URL as bytes, from the cache when it holds it, reporting bytes as they arrive. */
async function fetchBytes(
	url: string,
	ctx: FetchContext,
	onBytes: (loaded: number, fromCache: boolean) => void
): Promise<ArrayBuffer> {
	const cached = await ctx.cache?.get(url).catch(() => null);
	if (cached) {
		onBytes(cached.byteLength, true);
		return cached;
	}
	const response = await (ctx.fetch ?? fetch)(url, { signal: ctx.signal });
	if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}.`);
	let bytes: ArrayBuffer;
	if (response.body) {
		const reader = response.body.getReader();
		const chunks: Uint8Array[] = [];
		let loaded = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			loaded += value.byteLength;
			onBytes(loaded, false);
		}
		const all = new Uint8Array(loaded);
		let at = 0;
		for (const chunk of chunks) {
			all.set(chunk, at);
			at += chunk.byteLength;
		}
		bytes = all.buffer;
	} else {
		bytes = await response.arrayBuffer();
		onBytes(bytes.byteLength, false);
	}
	// A full quota must not fail the download: the weights still run, just not offline.
	await ctx.cache?.put(url, bytes).catch(() => undefined);
	return bytes;
}

/** Loads every weight of a layers-format model.json URL (shards resolved relative to it). */
export async function loadLayersWeights(
	modelUrl: string,
	ctx: FetchContext & { onProgress?: (progress: LoadProgress) => void } = {}
): Promise<Map<string, WeightArray>> {
	const tracker = new ProgressTracker(ctx.onProgress);
	// Relative URLs (the site's own /models/) resolve against the page; in Node against localhost.
	const modelHref = new URL(modelUrl, globalThis.location?.href ?? 'http://localhost/').href;
	const resolve = (path: string) => new URL(path, modelHref).href;

	const jsonBytes = await fetchBytes(modelHref, ctx, (n, c) => tracker.update('model.json', n, c));
	let manifest: ManifestGroup[];
	try {
		manifest = readManifest(JSON.parse(new TextDecoder().decode(jsonBytes)));
	} catch (error) {
		await ctx.cache?.delete(modelHref).catch(() => undefined);
		throw new Error(`${modelUrl} is not a tfjs layers model: ${(error as Error).message}`);
	}
	tracker.expect([
		['model.json', jsonBytes.byteLength],
		...manifest.map((group, g) => [`group${g}`, groupBytes(group)] as const)
	]);

	const groups = await Promise.all(
		manifest.map(async (group, g) => {
			const received = new Map<string, number>();
			const parts = await Promise.all(
				group.paths.map((path) =>
					fetchBytes(resolve(path), ctx, (n, fromCache) => {
						received.set(path, n);
						const sum = [...received.values()].reduce((a, b) => a + b, 0);
						tracker.update(`group${g}`, sum, fromCache);
					})
				)
			);
			const total = parts.reduce((s, p) => s + p.byteLength, 0);
			const joined = new Uint8Array(total);
			let at = 0;
			for (const part of parts) {
				joined.set(new Uint8Array(part), at);
				at += part.byteLength;
			}
			return joined.buffer;
		})
	);
	try {
		return decodeWeights(manifest, groups);
	} catch (error) {
		// A truncated file must not stay in the offline cache.
		const urls = [modelHref, ...manifest.flatMap((g) => g.paths.map(resolve))];
		await Promise.all(urls.map((u) => ctx.cache?.delete(u).catch(() => undefined)));
		throw error;
	}
}

/**
 * The first model and source, in the loading order, that serve a readable model.json for the
 * configuration's trained weights, or null: whether the site can load them, without downloading
 * them (model.json goes into the offline cache, where loading finds it again).
 */
export async function findTrainedWeights(
	config: Pick<NetworkConfig, 'version' | 'alpha' | 'classes'>,
	options: FetchContext & SourceOptions = {}
): Promise<{ model: TrainedModel; source: WeightSource } | null> {
	const found = trainedModelsFor(config);
	if ('reason' in found) return null;
	for (const entry of loadingOrder(found.models, options)) {
		try {
			const url = new URL(entry.source.url, globalThis.location?.href ?? 'http://localhost/').href;
			const bytes = await fetchBytes(url, options, () => undefined);
			readManifest(JSON.parse(new TextDecoder().decode(bytes)));
			return entry;
		} catch (error) {
			if (options.signal?.aborted) throw error;
		}
	}
	return null;
}

/** Whether the site can load trained weights for a configuration, from the sources the lab uses. */
export async function canLoadTrainedWeights(
	config: Pick<NetworkConfig, 'version' | 'alpha' | 'classes'>
): Promise<boolean> {
	const found = await findTrainedWeights(config, {
		mirrorBaseUrl: MODEL_BASE_URL,
		cache: browserCache()
	});
	return found !== null;
}

export type WeightsResult =
	| {
			weights: 'trained';
			values: Map<string, WeightArray>;
			model: TrainedModel;
			source: WeightSource;
	  }
	| {
			weights: 'untrained';
			reason: UntrainedReason;
			/** What was tried, for 'download-failed': each source's URL and error. */
			attempts: Array<{ source: WeightSource; error: string }>;
	  };

/**
 * The trained weights for a configuration, trying each model and source in the registry's order
 * (float weights before 8-bit ones, the site before a mirror before Google), or the reason there
 * are none. Never throws for a missing network: an untrained result says why.
 */
export async function loadTrainedWeights(
	config: Pick<NetworkConfig, 'version' | 'alpha' | 'classes'>,
	options: FetchContext &
		SourceOptions & {
			onProgress?: (model: TrainedModel, progress: LoadProgress) => void;
			/** Only models of this precision (see trainedModelsFor). */
			precision?: Precision;
		} = {}
): Promise<WeightsResult> {
	const found = trainedModelsFor(config, options.precision);
	if ('reason' in found) return { weights: 'untrained', reason: found.reason, attempts: [] };
	const attempts: Array<{ source: WeightSource; error: string }> = [];
	for (const { model, source } of loadingOrder(found.models, options)) {
		try {
			const values = await loadLayersWeights(source.url, {
				...options,
				onProgress: (progress) => options.onProgress?.(model, progress)
			});
			return { weights: 'trained', values, model, source };
		} catch (error) {
			if (options.signal?.aborted) throw error;
			attempts.push({ source, error: error instanceof Error ? error.message : String(error) });
		}
	}
	return { weights: 'untrained', reason: 'download-failed', attempts };
}
