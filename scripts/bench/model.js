// `npm run bench model`: the live MobileNet's speed in headless Chromium, where users run it.
//
// Design: this script bundles a tiny page (scripts/bench/model-page/) from the real
// src/lib/model with Vite into a temporary folder, serves it like the site (COOP/COEP, the
// development weights under /models/), and drives it through window.separableModel. Nothing
// is added to the site: no hidden route, no hook in the lab. The backend is chosen exactly as
// the lab chooses it, under the lab's CSP (here, with no GPU: wasm + SIMD; threads only with
// ≥ 4 logical cores, which this 2-core machine lacks; src/lib/model/backend.ts says why).
// BENCH_MODEL=v1-0.25-224,v2-1-224 limits the configurations.
//
// Measures, per configuration (Google's float V1 α 0.25 / 0.75 at 128–224 px; its 8-bit V1 1.0
// and V2 1.0 at 224, as the site converts them): plain predict (probabilities read back), predict
// with every layer's output read back (what the lab reads for every photo: its network strip shows
// them all), with only the largest layer read back (what the lab read before the strip), with none
// read, the ratios, per-layer replay times and per layer kind the share of time against the share
// of mult-adds (see src/lib/model/profile.ts for what they mean), achieved GMAC/s (the engine's
// mult-adds / median plain predict), the first inference of each network against the steady
// state, the time to draw each layer's feature-map grid as the lab draws it, and the unfolded (as
// published) float model for comparison. Then, per version, the lab's network strip: the pass
// with every layer read back and the strip drawn from it (BENCH_STRIP=0 skips it).
import { rmSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../lib/chromium.js';
import { bundleModelHarness } from '../lib/model-harness.js';
import { developmentModels, startStaticServer } from '../lib/static-server.js';
import { summarize } from '../lib/stats.js';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');

const ALL_CONFIGS = [
	...[0.25, 0.75].flatMap((alpha) =>
		[128, 160, 192, 224].map((resolution) => ({
			version: /** @type {const} */ ('v1'),
			alpha,
			resolution,
			trained: true
		}))
	),
	{ version: /** @type {const} */ ('v1'), alpha: 1, resolution: 224, trained: true },
	{ version: /** @type {const} */ ('v2'), alpha: 1, resolution: 224, trained: true }
];
/** @param {{ version: string, alpha: number, resolution: number }} c */
const label = (c) => `${c.version === 'v1' ? 'V1' : 'V2'} ${c.alpha}-${c.resolution}`;
// BENCH_MODEL=v1-0.25-224,v2-1-224 measures only those (version-α-resolution), for a quick look.
const only = process.env.BENCH_MODEL?.split(',').map((s) => s.trim());
const CONFIGS = only
	? ALL_CONFIGS.filter((c) => only.includes(`${c.version}-${c.alpha}-${c.resolution}`))
	: ALL_CONFIGS;

/** @param {number[]} xs */
const median = (xs) => summarize(xs).median;
/** @param {number} x */
const round = (x) => Math.round(x * 1000) / 1000;

/** The lab's budget for drawing one grid, or the whole strip: one frame at 60 Hz. */
const GRID_BUDGET_MS = 16;

/**
 * The network strip, drawn from a pass's activations, for each version: V1 0.25 and the widest
 * networks the lab shows, trained where the site has weights (V3 runs seeded ones, which time the
 * same). BENCH_STRIP=0 skips them.
 */
const STRIP_CONFIGS = [
	{ version: 'v1', alpha: 0.25, resolution: 224, trained: true },
	{ version: 'v1', alpha: 1, resolution: 224, trained: true },
	{ version: 'v2', alpha: 1, resolution: 224, trained: true },
	{ version: 'v3-large', alpha: 1, resolution: 224, trained: false }
];
/** A laptop's pitch (V1 fits 1,232 px at it) and a phone's 44-px touch targets. */
const STRIP_PITCHES = [36, 44];

/** @param {any} raw @param {{ version: string, alpha: number, resolution: number, trained: boolean }} config */
function stripReport(raw, config) {
	const predict = median(raw.predictMs);
	return {
		config: `${config.version} ${config.alpha}-${config.resolution}`,
		weights: config.trained ? 'trained' : 'untrained (seeded He-normal)',
		layers: raw.layers,
		predictMs: summarize(raw.predictMs),
		activationsMs: summarize(raw.activationsMs),
		activationsRatio: round(median(raw.activationsMs) / predict),
		draw: raw.draws.map((/** @type {any} */ d) => ({
			pitch: d.pitch,
			canvas: [d.width, d.height],
			ms: summarize(d.ms),
			withinBudget: median(d.ms) <= GRID_BUDGET_MS
		}))
	};
}

/** @param {{ name: string, shape: number[], ms: number }} grid */
const gridEntry = (grid) => ({ layer: grid.name, shape: grid.shape, ms: round(grid.ms) });

/** @param {any} raw @param {{ version: string, alpha: number, resolution: number, trained: boolean }} config */
function report(raw, config) {
	const predict = median(raw.predictMs);
	/** @type {Array<{ name: string, shape: number[], ms: number }>} */
	const grids = raw.grids;
	const largest = grids.find((g) => g.name === raw.largestLayer) ?? grids[0];
	const slowest = grids.reduce((a, b) => (b.ms > a.ms ? b : a));
	const layerSum = raw.layers.reduce(
		(/** @type {number} */ s, /** @type {any} */ l) => s + l.ms,
		0
	);
	return {
		config: label(config),
		weights: raw.weights,
		macs: raw.macs,
		buildMs: round(raw.buildMs),
		firstInferenceMs: round(raw.firstMs),
		firstWithActivationsMs: round(raw.firstActivationsMs),
		firstInference: {
			coldFirstMs: round(raw.coldFirstMs),
			coldRatio: round(raw.coldFirstMs / predict),
			firstMs: round(raw.firstMs),
			steadyMs: round(predict),
			ratio: round(raw.firstMs / predict),
			firstWithActivationsMs: round(raw.firstActivationsMs),
			steadyWithActivationsMs: round(median(raw.activationsMs)),
			withActivationsRatio: round(raw.firstActivationsMs / median(raw.activationsMs))
		},
		predictMs: summarize(raw.predictMs),
		activationsMs: summarize(raw.activationsMs),
		activationsUnreadMs: summarize(raw.activationsUnreadMs),
		activationsOneLayerMs: summarize(raw.activationsOneLayerMs),
		activationsFreshMs: summarize(raw.activationsFreshMs),
		activationsOneLayerFreshMs: summarize(raw.activationsOneLayerFreshMs),
		activationsRatio: round(median(raw.activationsMs) / predict),
		activationsUnreadRatio: round(median(raw.activationsUnreadMs) / predict),
		activationsOneLayerRatio: round(median(raw.activationsOneLayerMs) / predict),
		activationsFreshRatio: round(median(raw.activationsFreshMs) / predict),
		activationsOneLayerFreshRatio: round(median(raw.activationsOneLayerFreshMs) / predict),
		gridDraw: {
			largestLayer: gridEntry(largest),
			slowestLayer: gridEntry(slowest),
			overBudget: grids.filter((g) => g.ms > GRID_BUDGET_MS).map(gridEntry),
			perLayer: grids.map(gridEntry)
		},
		gmacPerSecond: round(raw.macs / (predict * 1e6)),
		unfoldedPredictMs: raw.unfoldedPredictMs && summarize(raw.unfoldedPredictMs),
		unfoldedActivationsMs: raw.unfoldedActivationsMs && summarize(raw.unfoldedActivationsMs),
		foldingSpeedup: raw.unfoldedPredictMs && round(median(raw.unfoldedPredictMs) / predict),
		perKind: raw.perKind.map((/** @type {any} */ k) => ({
			kind: k.kind,
			timeShare: round(k.timeShare),
			macsShare: round(k.macsShare),
			gmacPerSecond: k.gmacPerSecond && round(k.gmacPerSecond)
		})),
		perLayer: {
			sumMs: round(layerSum),
			layers: raw.layers.map((/** @type {any} */ l) => ({ ...l, ms: round(l.ms) }))
		},
		leakedTensors: raw.leakedTensors
	};
}

export async function run() {
	const executablePath = ensureChromium();
	const outDir = await bundleModelHarness();
	const modelsDirs = await developmentModels(projectRoot);
	if (modelsDirs.length === 0)
		throw new Error('The benchmark needs ../shared/models (official V1 0.25 and 0.75).');
	const { server, url } = await startStaticServer({ root: outDir, modelsDirs });
	const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
	try {
		const page = await browser.newPage();
		/** @type {string[]} */
		const errors = [];
		page.on('pageerror', (error) => errors.push(String(error)));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		await page.goto(`${url}/`);
		await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
		const backend = await page.evaluate(() => window.separableModel.init());
		const results = [];
		for (const config of CONFIGS) {
			console.error(`bench model: ${label(config)}…`);
			const big = config.alpha >= 0.75;
			const raw = await page.evaluate((request) => window.separableModel.measure(request), {
				...config,
				runs: big ? 15 : 30,
				profileRuns: big ? 3 : 5,
				gridRuns: 5
			});
			results.push(report(raw, config));
		}
		const strip = [];
		for (const config of process.env.BENCH_STRIP === '0' ? [] : STRIP_CONFIGS) {
			console.error(`bench model: strip ${config.version} ${config.alpha}-${config.resolution}…`);
			const raw = await page.evaluate((request) => window.separableModel.measureStrip(request), {
				...config,
				runs: 9,
				pitches: STRIP_PITCHES
			});
			strip.push(stripReport(raw, config));
		}
		const crossOriginIsolated = await page.evaluate(() => globalThis.crossOriginIsolated);
		return {
			where: 'headless Debian Chromium, page bundled from src/lib/model, BatchNorm folded',
			// Other work on this machine slows every figure; a load far above the core count means noise.
			loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
			userAgent: await page.evaluate(() => navigator.userAgent),
			backend: { ...backend, crossOriginIsolated },
			notes: [
				'predictMs: forward pass + reading the 1000 probabilities back.',
				'activationsMs: the same pass returning every layer, all read back as the lab reads them for its strip (into a ReadbackPool, each result released when the next replaces it).',
				'activationsOneLayerMs: the same, reading back the probabilities and the largest layer only (what the lab read before its strip showed every layer).',
				'activationsFreshMs, activationsOneLayerFreshMs: the same reads into fresh arrays each pass: first writes to new memory page-fault, which is what the pool saves.',
				'buildMs: building the network as the lab does, including one warm-up pass on a blank input (XNNPACK creates its operators and packs the weights then).',
				'firstInference: firstMs is the first pass after that build, against the median of later passes (ratio); coldFirstMs is the first pass of a network built without the warm-up (coldRatio; the first configuration also warms the backend).',
				'gridDraw: ms to draw a layer’s feature-map grid as the lab does (per-channel ranges, layout, colour map, putImageData), median of 5; budget 16 ms.',
				'perLayer: each layer replayed on its own, median of replays; the sum exceeds one pass by the per-layer dispatch.',
				'gmacPerSecond: the architecture engine’s mult-adds / median predictMs.',
				'perKind: from the per-layer replays, each layer kind’s share of the time against its share of the mult-adds, and its GMAC/s.',
				'unfolded*: the Keras model as published (conv → BatchNorm → activation), for comparison; null for weights that come with BatchNorm folded.',
				'strip: the lab’s network strip per version. activationsMs is the pass with every layer read back, which the lab runs for every photo (activationsRatio against plain predict); draw is the strip drawn from those activations as NetworkStrip.svelte draws it (channel scores, channels shown, layout, tile pixels, putImageData), median of 9, at a laptop’s and a phone’s column pitch; budget 16 ms.'
			],
			results,
			strip,
			pageErrors: errors
		};
	} finally {
		await browser.close();
		await new Promise((r) => server.close(r));
		rmSync(outDir, { recursive: true, force: true });
	}
}
