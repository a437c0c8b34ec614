/**
 * "The current network" of the lab: one object that turns (configuration, image) requests into
 * results, where the last request always wins. A request that a newer one overtakes resolves to
 * null and never overwrites a newer result; the network it built (if any) is freed.
 *
 * Trained weights are downloaded once per official model and kept (as typed arrays, not
 * tensors); ρ changes rebuild the tf.layers model from them without touching the network.
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildSpec, withDefaults } from '$lib/architecture';
import type { NetworkConfig, NetworkSpec } from '$lib/architecture';
import { initBackend, type BackendInfo, type BackendName } from './backend';
import { buildNetwork, prepareWeights, type BuiltNetwork } from './build';
import { MODEL_BASE_URL } from './env';
import { readLayerWeights, type LayerWeights } from './kernels';
import { loadTrainedWeights, type WeightsResult } from './load';
import { predict, type Prediction } from './predict';
import { ReadbackPool } from './readback';
import { profileLayers, type LayerTiming, type ProfileOptions } from './profile';
import { inputToPixels, toInputTensor, type Pixels } from './preprocess';
import type { LoadProgress } from './progress';
import {
	officialModelFor,
	type OfficialModel,
	type SourceOptions,
	type UntrainedReason,
	type WeightSource
} from './registry';
import { browserCache, type ByteCache } from './weights-cache';
import { initialWeights, type WeightArray } from './weights';

export type WeightsStatus =
	| { weights: 'trained'; model: OfficialModel; source: WeightSource }
	| {
			weights: 'untrained';
			reason: UntrainedReason;
			/** Seed of the He-normal initialisation (same seed, same network). */
			seed: number;
			/** For 'download-failed': every source tried and its error. */
			attempts: Array<{ source: WeightSource; error: string }>;
	  };

export interface NetworkState {
	config: Required<NetworkConfig>;
	/** The architecture engine's spec this network was built from (its op counts). */
	spec: NetworkSpec;
	status: WeightsStatus;
	folded: boolean;
	/** ms to build the tf.layers model, load its weights and warm it up (download excluded). */
	buildMs: number;
}

export interface RunRequest {
	config: NetworkConfig;
	/** RGBA pixels (e.g. ImageData); without one only the network is prepared. */
	image?: Pixels | null;
	/** Layer outputs to return: true = all (default), false = none, or spec layer names. */
	activations?: boolean | readonly string[];
	/** Classes to rank (default 5). */
	topK?: number;
}

export interface RunResult {
	network: NetworkState;
	backend: BackendInfo | null;
	/**
	 * Null when the request had no image. Its activations' arrays are the session's to reuse once
	 * the caller releases it (Prediction.release), so call that when it is no longer shown.
	 */
	prediction: Prediction | null;
	/** The network's actual input (res×res, after preprocessing) as displayable pixels. */
	input: Pixels | null;
	/**
	 * The same input as the network reads it ([res, res, 3] in [-1, 1], channels last), when layer
	 * outputs were asked for: what the first layer's kernel multiplies.
	 */
	inputValues: Float32Array | null;
}

export interface SessionOptions {
	/** Fold BatchNorm into the convolutions (default true). */
	foldBatchNorm?: boolean;
	/** Seed for untrained networks (default 1). */
	seed?: number;
	/** Where weights come from; mirrorBaseUrl defaults to PUBLIC_MODEL_BASE_URL. */
	sources?: SourceOptions;
	/** Backend to start first, or false to leave tfjs' current backend alone (tests). */
	backend?: BackendName | false;
	/** Offline cache; defaults to Cache Storage where available. */
	cache?: ByteCache | null;
	fetch?: typeof fetch;
	/** Download progress of an official model's files. */
	onProgress?: (modelId: string, progress: LoadProgress) => void;
}

const DEFAULT_SEED = 1;
/** How many weight sets to keep in memory (α 1.0's are 17 MB). */
const KEPT_WEIGHT_SETS = 3;

interface WeightsEntry {
	status: WeightsStatus;
	values: ReadonlyMap<string, WeightArray>;
	/** Checked (and folded) weights by folding, reused by every resolution. */
	prepared: Map<boolean, Map<string, WeightArray>>;
}

export class ModelSession {
	private readonly options: SessionOptions;
	private generation = 0;
	private net: { key: string; built: BuiltNetwork; state: NetworkState } | null = null;
	/** Weight sets by official model id (or untrained version/α/seed), most recently used last. */
	private readonly weightSets = new Map<
		string,
		{ promise: Promise<WeightsEntry>; settled?: WeightsEntry }
	>();
	private backend: BackendInfo | null = null;
	private lastImage: Pixels | null = null;
	private disposed = false;
	/** Activations are read into these; a caller releases a result's (Prediction.release). */
	private readonly readback = new ReadbackPool();

	constructor(options: SessionOptions = {}) {
		this.options = options;
	}

	/** The network of the latest completed request, if any. */
	get current(): NetworkState | null {
		return this.net?.state ?? null;
	}

	/**
	 * Prepares the network for `config` (downloading weights on first use) and, with an image,
	 * classifies it. Resolves to null when a later call has superseded this one. Rejects on
	 * real errors (bad pixels, no backend) with a message fit to show.
	 */
	async run(request: RunRequest): Promise<RunResult | null> {
		if (this.disposed) throw new Error('This model session has been disposed.');
		const ticket = ++this.generation;
		const stale = () => ticket !== this.generation || this.disposed;
		const config = withDefaults(request.config);

		if (this.options.backend !== false && !this.backend) {
			this.backend = await initBackend(this.options.backend);
			if (stale()) return null;
		}
		const weights = await this.weights(config);
		if (stale()) return null;
		const net = this.network(config, weights);

		if (!request.image)
			return {
				network: net.state,
				backend: this.backend,
				prediction: null,
				input: null,
				inputValues: null
			};
		const input = toInputTensor(request.image, config.resolution);
		this.lastImage = request.image;
		try {
			const prediction = await predict(net.built, input, {
				activations: request.activations ?? true,
				topK: request.topK ?? 5,
				pool: this.readback
			});
			const pixels = stale() ? null : await inputToPixels(input);
			const inputValues =
				prediction.activations && !stale() ? ((await input.data()) as Float32Array) : null;
			if (!pixels || stale()) {
				prediction.release();
				return null;
			}
			return { network: net.state, backend: this.backend, prediction, input: pixels, inputValues };
		} finally {
			input.dispose();
		}
	}

	/**
	 * Measures per-layer time of the current network (see profile.ts for what is measured), on
	 * the last image it classified or on a mid-grey one. Null when a request supersedes it.
	 */
	async profile(options: ProfileOptions = {}): Promise<LayerTiming[] | null> {
		const net = this.net;
		if (!net) throw new Error('No network yet: run a request first.');
		const size = net.state.config.resolution;
		const image = this.lastImage ?? {
			data: new Uint8ClampedArray(size * size * 4).fill(128),
			width: size,
			height: size
		};
		const ticket = this.generation;
		const input = toInputTensor(image, size);
		try {
			const timings = await profileLayers(net.built, input, options);
			return ticket === this.generation && this.net === net ? timings : null;
		} finally {
			input.dispose();
		}
	}

	/**
	 * The folded kernel and bias of a convolution of the current network, as it runs them; null for
	 * other layers, or when `config` is no longer the current network's.
	 */
	async layerWeights(config: NetworkConfig, name: string): Promise<LayerWeights | null> {
		const net = this.net;
		const wanted = withDefaults(config);
		const current = net?.state.config;
		const same =
			current?.version === wanted.version &&
			current.alpha === wanted.alpha &&
			current.resolution === wanted.resolution &&
			current.classes === wanted.classes;
		return net && same ? readLayerWeights(net.built, name) : null;
	}

	/** Forgets failed downloads so that the next request tries the network again. */
	retryDownloads(): void {
		for (const [key, entry] of this.weightSets) {
			const status = entry.settled?.status;
			if (status?.weights === 'untrained' && status.reason === 'download-failed') {
				this.weightSets.delete(key);
			}
		}
	}

	/** Frees the network. Pending requests resolve to null. */
	dispose(): void {
		this.disposed = true;
		this.generation++;
		this.net?.built.dispose();
		this.net = null;
		this.lastImage = null;
		this.weightSets.clear();
		this.readback.clear();
	}

	/** Builds (or reuses) the network; synchronous, so no request can interleave. */
	private network(config: Required<NetworkConfig>, weights: WeightsEntry) {
		const folded = this.options.foldBatchNorm ?? true;
		const key = JSON.stringify([config, folded, weights.status.weights]);
		if (this.net?.key === key) return this.net;
		const started = performance.now();
		const spec = buildSpec(config);
		let prepared = weights.prepared.get(folded);
		if (!prepared) {
			prepared = prepareWeights(spec, weights.values, folded);
			weights.prepared.set(folded, prepared);
		}
		const built = buildNetwork(spec, prepared, {
			foldBatchNorm: folded,
			prepared: true,
			warmUp: tf.getBackend() !== 'cpu'
		});
		const state: NetworkState = {
			config,
			spec,
			status: weights.status,
			folded,
			buildMs: performance.now() - started
		};
		this.net?.built.dispose();
		this.net = { key, built, state };
		return this.net;
	}

	private weights(config: Required<NetworkConfig>): Promise<WeightsEntry> {
		const seed = this.options.seed ?? DEFAULT_SEED;
		const official = officialModelFor(config);
		const key =
			'model' in official
				? official.model.id
				: JSON.stringify([config.version, config.alpha, config.classes, seed]);
		let entry = this.weightSets.get(key);
		if (entry) {
			// Most recently used last: a Map iterates in insertion order.
			this.weightSets.delete(key);
		} else {
			const created: { promise: Promise<WeightsEntry>; settled?: WeightsEntry } = {
				promise: this.fetchWeights(config, seed)
			};
			created.promise.then(
				(settled) => (created.settled = settled),
				() => this.weightSets.get(key) === created && this.weightSets.delete(key)
			);
			entry = created;
		}
		this.weightSets.set(key, entry);
		while (this.weightSets.size > KEPT_WEIGHT_SETS) {
			this.weightSets.delete(this.weightSets.keys().next().value!);
		}
		return entry.promise;
	}

	private async fetchWeights(config: Required<NetworkConfig>, seed: number): Promise<WeightsEntry> {
		const result: WeightsResult = await loadTrainedWeights(config, {
			...this.options.sources,
			mirrorBaseUrl: this.options.sources?.mirrorBaseUrl ?? MODEL_BASE_URL,
			fetch: this.options.fetch,
			cache: this.options.cache === undefined ? browserCache() : this.options.cache,
			onProgress: (progress) => {
				const found = officialModelFor(config);
				if ('model' in found) this.options.onProgress?.(found.model.id, progress);
			}
		});
		if (result.weights === 'trained') {
			return {
				status: { weights: 'trained', model: result.model, source: result.source },
				values: result.values,
				prepared: new Map()
			};
		}
		return {
			status: { weights: 'untrained', reason: result.reason, seed, attempts: result.attempts },
			values: initialWeights(buildSpec(config), seed),
			prepared: new Map()
		};
	}
}
