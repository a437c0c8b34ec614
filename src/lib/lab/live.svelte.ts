/**
 * The lab's live network: which image is loaded, what the network made of it, and the weights'
 * state. tfjs is imported dynamically on first use, so only the lab ever loads it. Requests
 * follow the lab's config; ModelSession lets the last one win, and a result is shown only if
 * it answers the latest request (so a fast slider drag never shows a stale result).
 *
 * Every layer's output is read back with the probabilities, into arrays reused pass after pass
 * (model/readback.ts): the network strip shows all of them, and opening a layer needs no second
 * pass. `npm run bench -- model` measures what the reads add to a pass.
 */
import type { LabConfig } from './query';
import type {
	LayerTiming,
	LayerWeights,
	LoadProgress,
	ModelSession,
	RunResult,
	UntrainedReason
} from '$lib/model';
import type { ImageProblem } from '$lib/image';
import { decodeImageFile } from '$lib/image/decode';
import { debounce } from './debounce';

export type WeightsState = 'loading' | 'trained' | 'untrained';

export type ImageErrorKind = ImageProblem | 'decode-failed' | 'run-failed';

export interface LiveImage {
	/** Counts images given to this lab, so a result names the image it is for. */
	id: number;
	pixels: ImageData;
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

type ModelModule = typeof import('$lib/model');

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

export class LiveNetwork {
	weights = $state<WeightsState>('loading');
	untrainedReason = $state<UntrainedReason | null>(null);
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

	private session: ModelSession | null = null;
	private ticket = 0;
	private loadTicket = 0;
	private imageCount = 0;
	/** Official models downloaded, and those whose download failed (plain Sets: not UI state). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly downloaded = new Set<string>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly failed = new Set<string>();
	private resultStale = false;
	/** The configuration of the latest request, settled or not. */
	private requestedKey: string | null = null;
	private readonly settle = debounce((config: LabConfig) => void this.run(config), SETTLE_MS);
	/** Kernels read for the shown result, by layer (a plain Map: not UI state). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly weightsRead = new Map<string, Promise<LayerWeights | null>>();

	/** The shown result answers `config` on the current image. */
	private covers(config: LabConfig): boolean {
		return (
			!this.resultStale &&
			this.result !== null &&
			this.resultKey === configKey(config) &&
			this.resultImage === (this.image?.id ?? null)
		);
	}

	/**
	 * Asks for `config` on the current image. A new image runs at once; a new configuration waits
	 * until it has stayed put for SETTLE_MS, so only where a drag comes to rest is built.
	 * Meanwhile the page shows pending, and no answer for a configuration left behind is shown.
	 */
	request(config: LabConfig): void {
		const key = configKey(config);
		const moved = this.requestedKey !== null && key !== this.requestedKey;
		this.requestedKey = key;
		if (!moved && !this.settle.waiting) {
			void this.run(config);
			return;
		}
		this.ticket++;
		this.pending = true;
		this.settle.call(config);
	}

	/**
	 * Runs the network for `config` on the current image (or just prepares it), reading back every
	 * layer's output. Nothing runs when the shown result already answers the request; it still
	 * supersedes any request in flight, so the last request wins.
	 */
	async run(config: LabConfig): Promise<void> {
		const ticket = ++this.ticket;
		if (this.covers(config)) {
			this.pending = false;
			return;
		}
		this.pending = true;
		try {
			const model = await loadModel();
			this.session ??= new model.ModelSession({
				onProgress: (_, progress) => (this.progress = progress)
			});
			const official = model.officialModelFor(config);
			if ('model' in official) {
				const id = official.model.id;
				if (!this.downloaded.has(id) && !this.failed.has(id)) this.weights = 'loading';
			} else {
				this.weights = 'untrained';
				this.untrainedReason = official.reason;
			}
			const image = this.image;
			const result = await this.session.run({
				config,
				image: image?.pixels ?? null,
				activations: true
			});
			if (!result) return;
			if (ticket !== this.ticket) {
				result.prediction?.release();
				return;
			}
			const status = result.network.status;
			if (status.weights === 'trained') {
				this.downloaded.add(status.model.id);
				this.failed.delete(status.model.id);
				this.weights = 'trained';
				this.untrainedReason = null;
			} else {
				if ('model' in official && status.reason === 'download-failed')
					this.failed.add(official.model.id);
				this.weights = 'untrained';
				this.untrainedReason = status.reason;
			}
			this.runError = null;
			if (result.prediction) {
				if (this.resultKey !== configKey(config)) this.timings = null;
				// Another pass may come from other weights (a retried download): read them anew.
				this.weightsRead.clear();
				// The result it replaces leaves the screen: its arrays may take a later pass's values.
				this.result?.prediction?.release();
				this.result = result;
				this.resultStale = false;
				this.resultKey = configKey(config);
				this.resultImage = image?.id ?? null;
			}
		} catch (error) {
			if (ticket === this.ticket)
				this.runError = error instanceof Error ? error.message : String(error);
		} finally {
			if (ticket === this.ticket) this.pending = false;
		}
	}

	/**
	 * The folded kernel and bias of a convolution of the shown result's network, read once per
	 * network; null for other layers or once another network has replaced it.
	 */
	layerWeights(name: string): Promise<LayerWeights | null> {
		const config = this.result?.network.config;
		if (!this.session || !config) return Promise.resolve(null);
		let read = this.weightsRead.get(name);
		if (!read) {
			read = this.session.layerWeights(config, name);
			this.weightsRead.set(name, read);
		}
		return read;
	}

	/** Tries the failed weight downloads again, then runs `config` with whatever it gets. */
	async retry(config: LabConfig): Promise<void> {
		this.session?.retryDownloads();
		this.failed.clear();
		// The shown result came from the seeded weights: it must not stand in for the rerun.
		this.resultStale = true;
		this.retrying = true;
		try {
			await this.run(config);
		} finally {
			this.retrying = false;
		}
	}

	/** A new image replaces the old one only once it has decoded; errors keep the old one. */
	setImage(image: Omit<LiveImage, 'id'>): void {
		this.image = { ...image, id: ++this.imageCount };
		this.imageError = null;
	}

	fail(error: ImageError): void {
		this.imageError = error;
	}

	/** Reads, checks and decodes a file; the latest file given wins. */
	async load(file: Blob, name: string): Promise<void> {
		const ticket = ++this.loadTicket;
		const decoded = await decodeImageFile(file);
		if (ticket !== this.loadTicket) return;
		if (decoded.ok) {
			const { pixels, extremeAspect } = decoded.image;
			this.setImage({ pixels, name, extremeAspect });
		} else {
			const { problem, width, height } = decoded;
			this.fail({ kind: problem, name, width, height });
		}
	}

	/** Per-layer time of the current network on the current image. */
	async measure(): Promise<void> {
		if (!this.session || !this.result) return;
		const key = this.resultKey;
		const timings = await this.session.profile({ runs: 3 });
		if (timings && key === this.resultKey) this.timings = timings;
	}

	dispose(): void {
		this.settle.cancel();
		this.ticket++;
		this.session?.dispose();
		this.session = null;
	}
}
