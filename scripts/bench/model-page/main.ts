// The in-browser half of `npm run bench model` and of tests/e2e/model.test.ts: bundled by Vite
// from the real src/lib/model (scripts/lib/model-harness.js) and driven through
// window.separableModel. `measure` returns raw samples (the Node side summarises them);
// `classify` goes the lab's way: image file → pixels → ModelSession.
import * as tf from '@tensorflow/tfjs-core';
import { buildSpec, type NetworkConfig, type NetworkSpec, type Version } from '$lib/architecture';
import {
	ModelSession,
	buildNetwork,
	initBackend,
	initialWeights,
	loadTrainedWeights,
	networkInputPixels,
	predict,
	profileLayers,
	toInputTensor,
	type BackendName,
	type BuiltNetwork,
	type LoadProgress,
	type Prediction,
	type QuantizeMode,
	type WeightForm,
	type WeightMap,
	ReadbackPool,
	timeVsMacs
} from '$lib/model';
import {
	GRID_WIDTH,
	channelRanges,
	colourLut,
	gridLayout,
	mapSize,
	renderGrid,
	type FeatureMap
} from '$lib/viz/feature-maps';
import {
	DEFAULT_STRIP_OPTIONS,
	channelScores,
	pickChannels,
	pixelsAsMap,
	renderStrip,
	stripLayout,
	type StripColumn,
	type StripOptions
} from '$lib/viz/network-strip';

export interface MeasureRequest {
	version: 'v1' | 'v2';
	alpha: number;
	resolution: number;
	trained: boolean;
	runs: number;
	profileRuns: number;
	/** Draws of each layer's feature-map grid to take the median of. */
	gridRuns: number;
}

/** A deterministic test card: the timing does not depend on the picture. */
function testImage(size: number) {
	const data = new Uint8ClampedArray(size * size * 4);
	for (let i = 0; i < size * size; i++) {
		data[i * 4] = (i * 7) % 256;
		data[i * 4 + 1] = (i * 13) % 256;
		data[i * 4 + 2] = (i * 29) % 256;
		data[i * 4 + 3] = 255;
	}
	return { data, width: size, height: size };
}

function time(f: () => void): number {
	const started = performance.now();
	f();
	return performance.now() - started;
}

async function timeAsync(f: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await f();
	return performance.now() - started;
}

async function samples(runs: number, f: () => Promise<unknown>): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < runs; i++) out.push(await timeAsync(f));
	return out;
}

/** Plain predict, read back: what a top-5 display costs. */
function plain(net: BuiltNetwork, input: tf.Tensor4D) {
	return () => predict(net, input, { activations: false });
}

/**
 * Passes read back as the lab reads them: into the arrays of a ReadbackPool, each result released
 * once the next one has replaced it (the lab's LiveNetwork and ModelSession).
 */
function asTheLab(run: (pool: ReadbackPool) => Promise<Prediction>) {
	const pool = new ReadbackPool();
	let shown: Prediction | null = null;
	return async () => {
		const next = await run(pool);
		shown?.release();
		shown = next;
	};
}

/** Every layer's output computed, none read back. */
function unread(net: BuiltNetwork, input: tf.Tensor4D) {
	return async () => {
		const out = net.forward(input, new Set(net.layerNames));
		await out.probabilities.data();
		for (const t of [out.probabilities, ...out.layers.values()]) t.dispose();
	};
}

/** The request's weights, from the site's own /models/ (never Google), and how they come. */
async function weightsFor(
	request: { version: Version; alpha: number; trained: boolean },
	spec: NetworkSpec
): Promise<{ values: WeightMap; form: WeightForm }> {
	if (!request.trained) return { values: initialWeights(spec, 1), form: 'keras' };
	const result = await loadTrainedWeights(spec.config, { allowOfficial: false, cache: null });
	if (result.weights !== 'trained') {
		throw new Error(`No trained weights for ${request.version} α ${request.alpha}.`);
	}
	return { values: result.values, form: result.model.form };
}

let gridPixels: Uint8ClampedArray<ArrayBuffer> | undefined;

/**
 * One layer's grid drawn as the lab draws it (FeatureMapGrid.svelte): per-channel ranges, the
 * layout, every channel's pixels through the colour map, then into a canvas.
 */
function drawGrid(map: FeatureMap, canvas: HTMLCanvasElement, lut: Uint8ClampedArray): void {
	const { channels, width, height } = mapSize(map);
	const ranges = channelRanges(map, 'channel');
	const layout = gridLayout(channels, width, height, GRID_WIDTH);
	// The grid component keeps its last pixels for the next draw of the same size; so does this.
	const pixels = (gridPixels = renderGrid(map, layout, ranges, lut, gridPixels));
	canvas.width = layout.width;
	canvas.height = layout.height;
	canvas.getContext('2d')!.putImageData(new ImageData(pixels, layout.width), 0, 0);
}

/** Median ms to draw each layer's grid (after one warm-up draw), in spec order. */
function gridDrawTimes(maps: readonly FeatureMap[], runs: number): number[] {
	const canvas = document.createElement('canvas');
	const lut = colourLut('viridis');
	return maps.map((map) => {
		drawGrid(map, canvas, lut);
		const times = Array.from({ length: runs }, () => time(() => drawGrid(map, canvas, lut)));
		return times.sort((a, b) => a - b)[runs >> 1]!;
	});
}

/** Decodes an image file the way the lab does: the browser's decoder, then a canvas. */
async function pixelsOf(url: string) {
	const bitmap = await createImageBitmap(await (await fetch(url)).blob());
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	const context = canvas.getContext('2d')!;
	context.drawImage(bitmap, 0, 0);
	return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

export interface StripRequest {
	version: Version;
	alpha: number;
	resolution: number;
	/** Trained weights from the test server, or seeded ones (the timing is the same). */
	trained: boolean;
	runs: number;
	/** Column pitches to draw at: a laptop's (the whole network in 1,232 px) and a phone's. */
	pitches: number[];
}

let stripPixels: Uint8ClampedArray<ArrayBuffer> | undefined;

/**
 * The network strip drawn as the lab draws it (NetworkStrip.svelte), from one pass's activations:
 * channel scores, the channels shown, the layout, every tile's pixels, then into a canvas.
 */
function drawStrip(
	spec: NetworkSpec,
	maps: Map<string, FeatureMap>,
	input: FeatureMap,
	canvas: HTMLCanvasElement,
	lut: Uint8ClampedArray,
	options: StripOptions
): void {
	const picks = pickChannels(spec.layers, (layer) => {
		const map = maps.get(layer.name);
		return map ? channelScores(map) : null;
	});
	const layout = stripLayout(spec.layers, picks, options);
	const mapOf = (c: StripColumn) => (c.name === null ? input : (maps.get(c.name) ?? null));
	const drawn = renderStrip(layout, mapOf, lut, options, stripPixels);
	stripPixels = drawn.data;
	canvas.width = drawn.width;
	canvas.height = drawn.height;
	canvas.getContext('2d')!.putImageData(new ImageData(drawn.data, drawn.width), 0, 0);
}

let session: ModelSession | null = null;
let progress: LoadProgress[] = [];

const bench = {
	async init(backend?: BackendName) {
		return initBackend(backend);
	},

	async classify(request: {
		image: string;
		config: NetworkConfig;
		quantize?: QuantizeMode | null;
		/** Passes to run on the same image before answering (the last one answers). */
		passes?: number;
	}) {
		session ??= new ModelSession({ onProgress: (_, p) => progress.push(p) });
		progress = [];
		const image = await pixelsOf(request.image);
		let result: Awaited<ReturnType<ModelSession['run']>> = null;
		for (let i = 0; i < (request.passes ?? 1); i++) {
			result?.prediction?.release();
			result = await session.run({ config: request.config, image, quantize: request.quantize });
			if (!result) throw new Error('superseded');
		}
		const { network, prediction } = result!;
		return {
			status: network.status,
			quantized: network.quantized,
			backend: result!.backend,
			top: prediction!.top,
			layers: prediction!.activations!.map((a) => a.name),
			input: [result!.input!.width, result!.input!.height],
			lastProgress: progress.at(-1) ?? null,
			tensors: tf.memory().numTensors
		};
	},

	/**
	 * What the strip costs: the pass with every layer read back (what the lab runs now that the
	 * strip shows them all) against plain predict, and the strip's draw at each pitch.
	 */
	async measureStrip(request: StripRequest) {
		const config = {
			version: request.version,
			alpha: request.alpha,
			resolution: request.resolution
		};
		const spec = buildSpec(config);
		const { values, form } = await weightsFor(request, spec);
		const net = buildNetwork(spec, values, { foldBatchNorm: true, form, warmUp: true });
		const image = testImage(256);
		const input = toInputTensor(image, request.resolution);
		try {
			const predictMs = await samples(request.runs, plain(net, input));
			const allLayers = asTheLab((pool) => predict(net, input, { pool }));
			const activationsMs = await samples(request.runs, allLayers);
			const prediction = await predict(net, input);
			const maps = new Map(prediction.activations!.map((a) => [a.name, a as FeatureMap]));
			const inputMap = pixelsAsMap(networkInputPixels(image, request.resolution));
			const canvas = document.createElement('canvas');
			const lut = colourLut('viridis');
			const draws = request.pitches.map((pitch) => {
				const options = { ...DEFAULT_STRIP_OPTIONS, pitch, header: 40, classWidth: 160 };
				drawStrip(spec, maps, inputMap, canvas, lut, options);
				const times = Array.from({ length: request.runs }, () =>
					time(() => drawStrip(spec, maps, inputMap, canvas, lut, options))
				);
				return { pitch, ms: times, width: canvas.width, height: canvas.height };
			});
			return {
				layers: spec.layers.length,
				macs: spec.totals.macs,
				predictMs,
				activationsMs,
				draws
			};
		} finally {
			input.dispose();
			net.dispose();
		}
	},

	async measure(request: MeasureRequest) {
		const spec = buildSpec({
			version: request.version,
			alpha: request.alpha,
			resolution: request.resolution
		});
		const { values: weights, form } = await weightsFor(request, spec);
		const tensorsBefore = tf.memory().numTensors;
		const input = toInputTensor(testImage(256), request.resolution);
		// Built without the warm-up pass: its first pass shows what XNNPACK's packing costs.
		const cold = buildNetwork(spec, weights, { foldBatchNorm: true, form });
		const coldFirstMs = await timeAsync(plain(cold, input));
		cold.dispose();
		// Built as the lab builds it (ModelSession): with one warm-up pass on a blank input.
		let net: BuiltNetwork | null = null;
		const buildMs = time(
			() => (net = buildNetwork(spec, weights, { foldBatchNorm: true, form, warmUp: true }))
		);
		const folded = net! as BuiltNetwork;
		// The layer with the most values: the heaviest grid to draw and to read back.
		const largest = spec.layers.reduce((a, b) =>
			b.output.reduce((x, y) => x * y, 1) > a.output.reduce((x, y) => x * y, 1) ? b : a
		);
		// What the lab read before its strip: the probabilities and one layer.
		const oneLayer = asTheLab((pool) =>
			predict(folded, input, { activations: [largest.name], pool })
		);
		const allLayers = asTheLab((pool) => predict(folded, input, { pool }));
		try {
			// The first pass after the lab's build, against later ones.
			const firstMs = await timeAsync(plain(folded, input));
			const firstActivationsMs = await timeAsync(() => predict(folded, input));
			const predictMs = await samples(request.runs, plain(folded, input));
			const activationsMs = await samples(request.runs, allLayers);
			const activationsOneLayerMs = await samples(request.runs, oneLayer);
			const activationsUnreadMs = await samples(request.runs, unread(folded, input));
			// Into fresh arrays each pass: what reusing them saves. Last, so that the garbage they
			// leave is not collected during the other measurements.
			const activationsFreshMs = await samples(request.runs, () => predict(folded, input));
			const activationsOneLayerFreshMs = await samples(request.runs, () =>
				predict(folded, input, { activations: [largest.name] })
			);
			const layers = await profileLayers(folded, input, { runs: request.profileRuns });
			const maps = (await predict(folded, input)).activations!;
			const gridMs = gridDrawTimes(maps, request.gridRuns);
			folded.dispose();

			// Weights that come folded (Google's 8-bit models) have no unfolded network.
			let unfoldedPredictMs: number[] | null = null;
			let unfoldedActivationsMs: number[] | null = null;
			if (form === 'keras') {
				const unfolded = buildNetwork(spec, weights, { foldBatchNorm: false, warmUp: true });
				unfoldedPredictMs = await samples(Math.max(3, request.runs >> 1), plain(unfolded, input));
				unfoldedActivationsMs = await samples(Math.max(3, request.runs >> 1), () =>
					predict(unfolded, input)
				);
				unfolded.dispose();
			}
			return {
				weights: request.trained
					? `trained, ${form === 'folded' ? 'Google’s 8-bit model (8-bit weights, BatchNorm folded)' : 'Google’s float model'}`
					: 'untrained (seeded He-normal)',
				macs: spec.totals.macs,
				buildMs,
				coldFirstMs,
				firstMs,
				firstActivationsMs,
				predictMs,
				activationsMs,
				activationsFreshMs,
				activationsUnreadMs,
				activationsOneLayerMs,
				activationsOneLayerFreshMs,
				largestLayer: largest.name,
				grids: maps.map((map, i) => ({
					name: map.name,
					shape: [...map.shape],
					ms: gridMs[i]!
				})),
				unfoldedPredictMs,
				unfoldedActivationsMs,
				layers: layers.map((l) => {
					const s = spec.layers.find((x) => x.name === l.name)!;
					return { name: l.name, kind: s.kind, macs: s.macs, ms: l.ms };
				}),
				perKind: timeVsMacs(spec, layers).kinds,
				leakedTensors: (input.dispose(), tf.memory().numTensors - tensorsBefore)
			};
		} finally {
			if (!input.isDisposed) input.dispose();
		}
	}
};

export type ModelHarness = typeof bench;

declare global {
	interface Window {
		separableModel: ModelHarness;
	}
}
window.separableModel = bench;
document.body.dataset.ready = 'true';
