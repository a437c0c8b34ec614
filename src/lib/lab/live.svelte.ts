/**
 * The lab's live network: which image is loaded, what the network made of it, and the weights'
 * state. tfjs is imported dynamically on first use, so only the lab ever loads it. Requests follow
 * the lab's spec; the ModelSession decides which request wins (the last), so a result that lands
 * here always answers the latest request, and a fast slider drag never shows a stale one.
 *
 * Every layer's output is read back with the probabilities, into arrays reused pass after pass
 * (model/readback.ts): the network strip shows all of them, and opening a layer needs no second
 * pass. `npm run bench -- model` measures what the reads add to a pass.
 *
 * Besides the pass, it offers what the lab shows about the weights and the time: a layer's folded
 * kernel (for the products view), a histogram of a layer's weights, the network rerun with its
 * float weights rounded to 8 bits (top-5 before and after, each layer's error), and measured time
 * against mult-adds. Components only render these.
 */
import type { NetworkSpec } from '$lib/architecture';
import type {
	ClassScore,
	LayerQuantError,
	LayerTiming,
	LayerWeights,
	LoadProgress,
	ModelSession,
	Precision,
	QuantizeMode,
	RunResult,
	UntrainedReason,
	WeightsStatus
} from '$lib/model';
import { weightHistogram, type WeightHistogram } from '$lib/model/histogram';
import { timeVsMacs, type TimeVsMacs } from '$lib/model/time-vs-macs';
import { hasKernel, kernelName } from '$lib/model/weights';
import type { ImageProblem } from '$lib/image';
import { decodeImageFile, type Photo } from '$lib/image/decode';
import type { LabConfig } from './query';
import { debounce } from './debounce';

export type WeightsState = 'loading' | 'trained' | 'untrained';

export type ImageErrorKind = ImageProblem | 'decode-failed' | 'run-failed';

export interface LiveImage {
	/** Counts images given to this lab, so a result names the image it is for. */
	id: number;
	photo: Photo;
	/** File name, sample id or 'camera'. */
	name: string;
	extremeAspect: boolean;
}

export interface ImageError {
	kind: ImageErrorKind;
	name: string;
	width?: number;
	height?: number;
}

/** The float network against the same network with its weights rounded to 8 bits. */
export interface QuantizationEffect {
	mode: QuantizeMode;
	/** Top classes with the weights as they came, on the same image and configuration. */
	before: ClassScore[];
	/** Top classes with 8-bit weights. */
	after: ClassScore[];
	/** Each layer's weight error, in spec order. */
	layers: LayerQuantError[];
}

export type ModelModule = typeof import('$lib/model');

let modelModule: Promise<ModelModule> | null = null;
/** tfjs and the model code, loaded once, on the first request. */
function loadModel(): Promise<ModelModule> {
	modelModule ??= import('$lib/model');
	return modelModule;
}

export const configKey = (c: LabConfig) => `${c.version}/${c.alpha}/${c.resolution}`;

/**
 * How long α, ρ or the version must stay put before their network is built and run. A slider
 * drag passes through dozens of configurations, one per frame; building and running each on the
 * main thread took ~200 ms per frame and froze the drag.
 */
export const SETTLE_MS = 150;

/** Float weights can be rounded to 8 bits; weights that came as 8 bits already are. */
function quantizable(status: WeightsStatus): boolean {
	return status.weights === 'untrained' || status.model.precision === 'float32';
}

export class LiveNetwork {
	/** The weights' status of the requested network; null while they download. */
	status = $state.raw<WeightsStatus | null>(null);
	weights = $derived<WeightsState>(this.status?.weights ?? 'loading');
	untrainedReason = $derived<UntrainedReason | null>(
		this.status?.weights === 'untrained' ? this.status.reason : null
	);
	progress = $state.raw<LoadProgress | null>(null);
	image = $state.raw<LiveImage | null>(null);
	imageError = $state.raw<ImageError | null>(null);
	result = $state.raw<RunResult | null>(null);
	/** Config and image of the shown result. */
	resultKey = $state<string | null>(null);
	resultImage = $state<number | null>(null);
	pending = $state(false);
	runError = $state<string | null>(null);
	timings = $state.raw<LayerTiming[] | null>(null);
	/** A retry of failed weight downloads is running. */
	retrying = $state(false);
	/** Float weights rounded to 8 bits (per tensor or per channel), or null for as they came. */
	quantize = $state<QuantizeMode | null>(null);

	/** Measured time against mult-adds for the shown network, once measure() has run. */
	timeVsMacs = $derived<TimeVsMacs | null>(
		this.timings && this.result ? timeVsMacs(this.result.network.spec, this.timings) : null
	);

	/** With 8-bit weights switched on: top-5 before and after, and each layer's error. */
	quantization = $derived.by<QuantizationEffect | null>(() => {
		const quantized = this.result?.network.quantized;
		const after = this.result?.prediction?.top;
		const before = this.floatTop;
		if (!quantized || !after || !before) return null;
		if (before.key !== this.resultKey || before.image !== this.resultImage) return null;
		return { mode: quantized.mode, before: before.top, after, layers: quantized.layers };
	});

	/** The top classes of the last float result, for the comparison with 8-bit weights. */
	private floatTop = $state.raw<{ key: string; image: number | null; top: ClassScore[] } | null>(
		null
	);
	private session: Promise<ModelSession> | null = null;
	/** Disposed: nothing may start a session again (a photo fetched after the widget has gone). */
	private disposed = false;
	private loadTicket = 0;
	private imageCount = 0;
	/** The latest request, settled or not: its configuration decides whether a new one waits. */
	private requested: NetworkSpec | null = null;
	private readonly settle = debounce((spec: NetworkSpec) => void this.run(spec), SETTLE_MS);
	/** Kernels read for the shown result's network, by layer (a plain Map: not UI state). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly weightsRead = new Map<string, Promise<LayerWeights | null>>();

	/**
	 * @param createSession makes the model session on first use (tests pass one with their own
	 *   backend and weights); by default the model code is loaded then, with the site's sources.
	 * @param precision only trained weights of this precision (by default float before 8-bit).
	 */
	constructor(
		createSession?: (model: ModelModule) => ModelSession,
		private readonly precision?: Precision
	) {
		this.createSession = createSession;
	}
	private readonly createSession?: (model: ModelModule) => ModelSession;

	/** The session, created with the model code on first use (so requests can overtake it at once). */
	private getSession(): Promise<ModelSession> {
		if (this.disposed) return Promise.reject(new Error('This live network has been disposed.'));
		this.session ??= loadModel().then(
			(model) =>
				this.createSession?.(model) ??
				new model.ModelSession({
					onProgress: (_, progress) => (this.progress = progress),
					precision: this.precision
				}),
			(error) => {
				// The model code did not load (offline before it was cached): a later run retries.
				this.session = null;
				modelModule = null;
				throw error;
			}
		);
		return this.session;
	}

	/** The shown result answers `spec` on the current image, with the weights asked for. */
	private covers(spec: NetworkSpec): boolean {
		const result = this.result;
		if (!result) return false;
		const mode = quantizable(result.network.status) ? this.quantize : null;
		return (
			this.resultKey === configKey(spec.config) &&
			this.resultImage === (this.image?.id ?? null) &&
			(result.network.quantized?.mode ?? null) === mode
		);
	}

	/**
	 * Asks for `spec`'s network on the current image. A new image runs at once; a new
	 * configuration waits until it has stayed put for SETTLE_MS, so only where a drag comes to rest
	 * is built. Meanwhile the page shows pending, and no answer for a configuration left behind is
	 * shown.
	 */
	request(spec: NetworkSpec): void {
		const moved =
			this.requested !== null && configKey(this.requested.config) !== configKey(spec.config);
		this.requested = spec;
		if (!moved && !this.settle.waiting) {
			void this.run(spec);
			return;
		}
		// A request for another configuration overtakes any in flight.
		void this.session?.then((s) => s.supersede());
		this.pending = true;
		this.settle.call(spec);
	}

	/**
	 * Runs `spec`'s network on the current image (or just prepares it), reading back every layer's
	 * output. Nothing runs when the shown result already answers the request (unless `force`); it
	 * still overtakes any request in flight, so the last request wins.
	 */
	async run(spec: NetworkSpec, force = false): Promise<void> {
		if (this.disposed) return;
		// A pass asked for directly is the latest request too: the 8-bit switch reruns it.
		this.requested = spec;
		if (!force && this.covers(spec)) {
			void this.session?.then((s) => s.supersede());
			this.pending = false;
			return;
		}
		this.pending = true;
		const image = this.image;
		const key = configKey(spec.config);
		try {
			const session = await this.getSession();
			// A photo replaced meanwhile is closed: the new one's request runs instead.
			const pixels = image ? image.photo.pixels() : null;
			if (image && !pixels) return;
			this.status = session.settledStatus(spec.config);
			const quantize = this.quantize;
			// The comparison needs the float classes of this image and configuration.
			const known = this.floatTop;
			if (
				quantize &&
				image &&
				(this.status === null || quantizable(this.status)) &&
				!(known?.key === key && known.image === image.id)
			) {
				const float = await session.run({ spec, image: pixels, activations: false });
				if (!float) return;
				if (quantizable(float.network.status)) {
					this.floatTop = { key, image: image.id, top: float.prediction!.top };
				}
				float.prediction?.release();
			}
			const started = performance.now();
			const result = await session.run({
				spec,
				image: pixels,
				activations: true,
				quantize
			});
			if (!result) return;
			performance.measure('lab:pass', { start: started });
			this.status = result.network.status;
			this.runError = null;
			if (result.prediction) {
				if (this.resultKey !== key) this.timings = null;
				if (!result.network.quantized) {
					this.floatTop = { key, image: image?.id ?? null, top: result.prediction.top };
				}
				// Another pass may come from other weights (8-bit, a retried download): read them anew.
				this.weightsRead.clear();
				// The result it replaces leaves the screen: its arrays may take a later pass's values.
				this.result?.prediction?.release();
				this.result = result;
				this.resultKey = key;
				this.resultImage = image?.id ?? null;
			}
			this.pending = false;
		} catch (error) {
			// The session rejects only for the latest request: older ones resolve to null.
			this.runError = error instanceof Error ? error.message : String(error);
			this.pending = false;
		}
	}

	/**
	 * The folded kernel and bias of a convolution of the shown result's network, read once per
	 * network; null for other layers or once another network has replaced it.
	 */
	layerWeights(name: string): Promise<LayerWeights | null> {
		const network = this.result?.network;
		if (!this.session || !network) return Promise.resolve(null);
		let read = this.weightsRead.get(name);
		if (!read) {
			read = this.session.then((s) => s.layerWeights(network, name));
			this.weightsRead.set(name, read);
		}
		return read;
	}

	/** Tries the failed weight downloads again, then runs `spec` with whatever it gets. */
	async retry(spec: NetworkSpec): Promise<void> {
		this.retrying = true;
		try {
			(await this.session)?.retryDownloads();
			// The shown result came from the seeded weights: it must not stand in for the rerun.
			await this.run(spec, true);
		} finally {
			this.retrying = false;
		}
	}

	/** Float weights rounded to 8 bits (per tensor or per channel), or back as they came (null). */
	setQuantize(mode: QuantizeMode | null): void {
		this.quantize = mode;
		if (this.requested) this.request(this.requested);
	}

	/**
	 * A histogram of the weights `layer` runs with in the shown network (8-bit levels, or a float
	 * continuum, with the layer's scale); null for layers without weights or before a result.
	 */
	weightHistogram(layer: string): WeightHistogram | null {
		const network = this.result?.network;
		const spec = network?.spec.layers.find((l) => l.name === layer);
		const weights = spec && hasKernel(spec) ? network!.weights.get(kernelName(spec)) : undefined;
		return weights ? weightHistogram(weights) : null;
	}

	/** A new image replaces the old one only once it has decoded; errors keep the old one. */
	setImage(image: Omit<LiveImage, 'id'>): void {
		// A photo given directly (the camera) overtakes any file still being read.
		this.loadTicket++;
		this.image?.photo.close();
		if (this.disposed) return image.photo.close();
		this.image = { ...image, id: ++this.imageCount };
		this.imageError = null;
	}

	fail(error: ImageError): void {
		this.imageError = error;
	}

	/**
	 * Reads, checks and decodes a file; the latest file given wins, counted from the call, so a
	 * file still being fetched (a sample photo) is overtaken by any given after it. A failed fetch
	 * rejects only when it is still the latest.
	 */
	async load(file: Blob | Promise<Blob>, name: string): Promise<void> {
		const ticket = ++this.loadTicket;
		let blob: Blob;
		try {
			blob = await file;
		} catch (error) {
			if (ticket === this.loadTicket && !this.disposed) throw error;
			return;
		}
		if (ticket !== this.loadTicket) return;
		const started = performance.now();
		const decoded = await decodeImageFile(blob);
		if (this.disposed || ticket !== this.loadTicket) {
			if (decoded.ok) decoded.image.photo.close();
			return;
		}
		// User Timing: DevTools' performance panel and `npm run bench -- photo` read where time goes.
		performance.measure('lab:decode', { start: started });
		if (decoded.ok) {
			const { photo, extremeAspect } = decoded.image;
			this.setImage({ photo, name, extremeAspect });
		} else {
			const { problem, width, height } = decoded;
			this.fail({ kind: problem, name, width, height });
		}
	}

	/** Per-layer time of the current network on the current image. */
	async measure(): Promise<void> {
		const session = await this.session;
		if (!session || !this.result) return;
		const key = this.resultKey;
		const timings = await session.profile({ runs: 3 });
		if (timings && key === this.resultKey) this.timings = timings;
	}

	dispose(): void {
		this.disposed = true;
		this.image?.photo.close();
		this.settle.cancel();
		void this.session?.then((s) => s.dispose());
		this.session = null;
	}
}
