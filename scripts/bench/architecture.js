// How long the lab takes to recompute op counts: building the spec (every layer's shapes,
// mult-adds and parameters, plus totals) for all four networks, as one slider step would for
// each of them. α walks the slider's steps so no run repeats the previous one's config.
import { importTs } from '../lib/import-ts.js';
import { summarize } from '../lib/stats.js';

const WARMUP = 300;
const RUNS = 3000;
const ALPHA_STEP = 0.05;

export async function run() {
	const engine = await importTs('src/lib/architecture/index.ts');
	const { ALPHA_RANGE, DEFAULT_CONFIG, VERSIONS, buildSpec, mobilenetV1FullConv } = engine;
	const steps = Math.floor((ALPHA_RANGE.max - ALPHA_RANGE.min) / ALPHA_STEP) + 1;
	const alphaAt = (i) => Number((ALPHA_RANGE.min + (i % steps) * ALPHA_STEP).toFixed(2));
	const resolution = DEFAULT_CONFIG.resolution;

	let sink = 0;
	for (let i = 0; i < WARMUP; i++) {
		for (const version of VERSIONS)
			sink += buildSpec({ version, alpha: alphaAt(i), resolution }).totals.macs;
		sink += mobilenetV1FullConv(alphaAt(i), resolution).totals.macs;
	}

	const allFour = [];
	for (let i = 0; i < RUNS; i++) {
		const alpha = alphaAt(i);
		const start = performance.now();
		for (const version of VERSIONS) sink += buildSpec({ version, alpha, resolution }).totals.macs;
		allFour.push(performance.now() - start);
	}

	const perVersion = {};
	for (const version of VERSIONS) {
		const samples = [];
		for (let i = 0; i < RUNS; i++) {
			const alpha = alphaAt(i);
			const start = performance.now();
			sink += buildSpec({ version, alpha, resolution }).totals.macs;
			samples.push(performance.now() - start);
		}
		perVersion[version] = {
			...summarize(samples),
			layers: buildSpec({ version, alpha: 1, resolution }).layers.length
		};
	}

	// What one V1 slider step costs the lab: the spec and its standard-convolution twin.
	const v1Step = [];
	for (let i = 0; i < RUNS; i++) {
		const alpha = alphaAt(i);
		const start = performance.now();
		sink += buildSpec({ version: 'v1', alpha, resolution }).totals.macs;
		sink += mobilenetV1FullConv(alpha, resolution).totals.macs;
		v1Step.push(performance.now() - start);
	}

	if (!Number.isFinite(sink)) throw new Error('non-finite op count');
	return {
		unit: 'ms',
		resolution,
		recomputeAllFour: summarize(allFour),
		perVersion,
		v1WithFullConv: summarize(v1Step)
	};
}
