/**
 * "The current network" of the lab: one object that turns (network, image) requests into
 * results, and the one owner of "the last request wins": a request that a newer one overtakes
 * (or that `supersede()` cancels) resolves to null, never to a result or an error, and never
 * replaces a newer network; the network it built, if any, is freed.
 *
 * Trained weights are downloaded once per model and kept (as typed arrays, not tensors); ρ
 * changes rebuild the tf.layers model from them without downloading anything.
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildSpec, withDefaults } from '$lib/architecture';
import type { NetworkConfig, NetworkSpec } from '$lib/architecture';
import { initBackend, type BackendInfo, type BackendName } from './backend';
import { buildNetwork, prepareWeights, type BuiltNetwork } from './build';
import { MODEL_BASE_URL } from './env';
import { readLayerWeights, type LayerWeights } from './kernels';
import { loadTrainedWeights } from './load';
import { predict, type Prediction } from './predict';
import { ReadbackPool } from './readback';
import { profileLayers, type LayerTiming, type ProfileOptions } from './profile';
import { preprocess, toInputTensor, type Pixels } from './preprocess';
import type { LoadProgress } from './progress';
import { quantizeWeights, type LayerQuantError, type QuantizeMode } from './quantize';
import {
	trainedModelsFor,
	type SourceOptions,
	type Precision,
	type TrainedModel,
	type UntrainedReason,
	type WeightSource
} from './registry';
import { browserCache, type ByteCache } from './weights-cache';
import { initialWeights, type WeightArray, type WeightForm, type WeightMap } from './weights';

export type WeightsStatus =
	| { weights: 'trained'; model: TrainedModel; source: WeightSource }
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
	/**
	 * Float weights run rounded to 8 bits (RunRequest.quantize), with each layer's weight error;
	 * null when the weights run as they came.
	 */
	quantized: { mode: QuantizeMode; layers: LayerQuantError[] } | null;
	/** The values the network runs with, by Keras name (as prepared: folded, maybe quantized). */
	weights: WeightMap;
	/** ms to build the tf.layers model, load its weights and warm it up (download excluded). */
	buildMs: number;
}

interface RunOptions {
	/** RGBA pixels (e.g. ImageData); without one only the network is prepared. */
	image?: Pixels | null;
	/** Layer outputs to return: true = all (default), false = none, or spec layer names. */
	activations?: boolean | readonly string[];
	/** Classes to rank (default 5). */
	topK?: number;
	/**
	 * Run float weights rounded to 8 bits, per tensor or per channel (see quantize.ts); null or
	 * absent runs them as they are. Weights that came as 8 bits always run as they are.
	 */
	quantize?: QuantizeMode | null;
}

/**
 * The network to run: a spec (the lab passes the very spec whose counts it shows, so the network
 * is built from that object) or a configuration to build one from.
 */
export type RunRequest = RunOptions &
	({ spec: NetworkSpec; config?: never } | { config: NetworkConfig; spec?: never });

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
	 * The same input as the network reads it ([res, res, 3] in [-1, 1], channels last): what the
	 * first layer's kernel multiplies. Null when the request had no image.
	 */
	inputValues: Float32Array | null;
}

export interface SessionOptions {
	/** Fold BatchNorm into the convolutions (default true). Folded weights always build folded. */
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
	/** Download progress of a trained model's files. */
	onProgress?: (model: TrainedModel, progress: LoadProgress) => void;
	/** Only trained weights of this precision (a lesson showing Google's 8-bit weights). */
	precision?: Precision;
}

const DEFAULT_SEED = 1;
/** How many weight sets to keep in memory (α 1.0's are 17 MB). */
const KEPT_WEIGHT_SETS = 3;

interface WeightsEntry {
	status: WeightsStatus;
	form: WeightForm;
	values: ReadonlyMap<string, WeightArray>;
	/** Checked (folded, quantized) weights by how they were prepared, reused by every resolution. */
	prepared: Map<
		string,
		{ weights: Map<string, WeightArray>; quantized: NetworkState['quantized'] }
	>;
}

interface CurrentNetwork {
	key: string;
	built: BuiltNetwork;
	state: NetworkState;
}

export class ModelSession {
	private readonly options: SessionOptions;
	private generation = 0;
	private net: CurrentNetwork | null = null;
	/** Weight sets by trained configuration (or untrained version/α/seed), most recently used last. */
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
	 * Prepares the network (downloading weights on first use) and, with an image, classifies it.
	 * Resolves to null when a later call or supersede() has overtaken this one. Rejects on real
	 * errors (bad pixels, no backend) with a message fit to show.
	 */
	async run(request: RunRequest): Promise<RunResult | null> {
		if (this.disposed) throw new Error('This model session has been disposed.');
		const ticket = ++this.generation;
		const stale = () => ticket !== this.generation || this.disposed;
		try {
			return await this.runNow(request, stale);
		} catch (error) {
			if (stale()) return null;
			throw error;
		}
	}

	/** Makes every request in flight resolve to null (the caller answers from what it shows). */
	supersede(): void {
		this.generation++;
	}

	/**
	 * The weights' status for a configuration when it is known without waiting: fetched (or
	 * failed) already, or untrained because no trained weights exist. Null while a download is
	 * due or running.
	 */
	settledStatus(config: NetworkConfig): WeightsStatus | null {
		const full = withDefaults(config);
		const found = trainedModelsFor(full, this.options.precision);
		if ('reason' in found) {
			return { weights: 'untrained', reason: found.reason, seed: this.seed, attempts: [] };
		}
		return this.weightSets.get(this.weightsKey(full))?.settled?.status ?? null;
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
	 * The folded kernel and bias of a convolution of `network`, as it runs them; null for other
	 * layers, or once `network` is no longer the current one.
	 */
	async layerWeights(network: NetworkState, name: string): Promise<LayerWeights | null> {
		const net = this.net;
		return net?.state === network ? readLayerWeights(net.built, name) : null;
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

	private async runNow(request: RunRequest, stale: () => boolean): Promise<RunResult | null> {
		const spec = request.spec ?? buildSpec(withDefaults(request.config));
		if (this.options.backend !== false && !this.backend) {
			this.backend = await initBackend(this.options.backend);
			if (stale()) return null;
		}
		const weights = await this.weights(spec);
		if (stale()) return null;
		const net = this.network(spec, weights, request.quantize ?? null);

		if (!request.image)
			return {
				network: net.state,
				backend: this.backend,
				prediction: null,
				input: null,
				inputValues: null
			};
		const resolution = spec.config.resolution;
		const { values, pixels } = preprocess(request.image, resolution);
		const input = tf.tensor4d(values, [1, resolution, resolution, 3]);
		this.lastImage = request.image;
		try {
			const prediction = await predict(net.built, input, {
				activations: request.activations ?? true,
				topK: request.topK ?? 5,
				pool: this.readback
			});
			if (stale()) {
				prediction.release();
				return null;
			}
			return {
				network: net.state,
				backend: this.backend,
				prediction,
				input: pixels,
				inputValues: values
			};
		} finally {
			input.dispose();
		}
	}

	/** Builds (or reuses) the network; synchronous, so no request can interleave. */
	private network(spec: NetworkSpec, weights: WeightsEntry, quantize: QuantizeMode | null) {
		// Weights that came as 8 bits run as they are: rounding them again would change nothing
		// per tensor, and per channel would only re-round what the model was trained with.
		const mode = weights.form === 'folded' ? null : quantize;
		const folded = weights.form === 'folded' || (this.options.foldBatchNorm ?? true);
		const key = JSON.stringify([spec.config, folded, weights.status.weights, mode]);
		if (this.net?.key === key) return this.net;
		const started = performance.now();
		const preparedKey = JSON.stringify([folded, mode]);
		let prepared = weights.prepared.get(preparedKey);
		if (!prepared) {
			const checked = prepareWeights(spec, weights.values, weights.form, folded);
			const q = mode ? quantizeWeights(spec, checked, mode) : null;
			prepared = {
				weights: q?.weights ?? checked,
				quantized: q ? { mode: q.mode, layers: q.layers } : null
			};
			weights.prepared.set(preparedKey, prepared);
		}
		const built = buildNetwork(spec, prepared.weights, {
			foldBatchNorm: folded,
			prepared: true,
			warmUp: tf.getBackend() !== 'cpu'
		});
		const state: NetworkState = {
			config: spec.config,
			spec,
			status: weights.status,
			folded,
			quantized: prepared.quantized,
			weights: prepared.weights,
			buildMs: performance.now() - started
		};
		this.net?.built.dispose();
		this.net = { key, built, state };
		return this.net;
	}

	private weightsKey(config: Required<NetworkConfig>): string {
		const found = trainedModelsFor(config, this.options.precision);
		return 'models' in found
			? found.models.map((m) => m.id).join('+')
			: JSON.stringify([config.version, config.alpha, config.classes, this.seed]);
	}

	private get seed(): number {
		return this.options.seed ?? DEFAULT_SEED;
	}

	private weights(spec: NetworkSpec): Promise<WeightsEntry> {
		const key = this.weightsKey(spec.config);
		let entry = this.weightSets.get(key);
		if (entry) {
			// Most recently used last: a Map iterates in insertion order.
			this.weightSets.delete(key);
		} else {
			const created: { promise: Promise<WeightsEntry>; settled?: WeightsEntry } = {
				promise: this.fetchWeights(spec)
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

	private async fetchWeights(spec: NetworkSpec): Promise<WeightsEntry> {
		const result = await loadTrainedWeights(spec.config, {
			...this.options.sources,
			mirrorBaseUrl: this.options.sources?.mirrorBaseUrl ?? MODEL_BASE_URL,
			fetch: this.options.fetch,
			cache: this.options.cache === undefined ? browserCache() : this.options.cache,
			onProgress: this.options.onProgress,
			precision: this.options.precision
		});
		if (result.weights === 'trained') {
			return {
				status: { weights: 'trained', model: result.model, source: result.source },
				form: result.model.form,
				values: result.values,
				prepared: new Map()
			};
		}
		const seed = this.seed;
		return {
			status: { weights: 'untrained', reason: result.reason, seed, attempts: result.attempts },
			form: 'keras',
			values: initialWeights(spec, seed),
			prepared: new Map()
		};
	}
}
