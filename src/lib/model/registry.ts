/**
 * Which trained weights exist for a network, and where to fetch them from.
 *
 * - MobileNet V1 α 0.25, 0.5, 0.75 and 1.0: Google's float32 tfjs *layers* models, with Keras
 *   layer names, so they load by name into the network the architecture engine describes.
 * - MobileNet V2 α 1.0, V1 α 1.0 and V1 α 0.5 (trained at 160 px): Google's 8-bit TensorFlow Lite
 *   models, quantization-aware trained, which `npm run models` converts for the site (kept 8-bit,
 *   BatchNorm folded; src/lib/model/tflite). The site serves these itself: Google publishes no
 *   tfjs copy of them.
 *
 * Where both exist (V1 1.0 and 0.5) the float weights come first, from wherever they are
 * reachable; the 8-bit ones are the fallback that works offline. Other V2 widths and V3 have no
 * weights the network can load (Google's tfjs copies are frozen graphs, nameless ops that cannot
 * load layer by layer): they run untrained, and say why. Any trained weights run at any resolution.
 */
import {
	TF_SLIM_V1,
	TFLITE_HOSTED_MODELS,
	TFLITE_QUANT_CHECKPOINTS,
	V1_CHECKPOINTS,
	type Citation,
	type NetworkConfig,
	type Version
} from '$lib/architecture';
import official from './official-models.json';
import type { WeightForm } from './weights';

/**
 * 'float32': Google's float-trained tfjs weights. 'uint8': Google's 8-bit model, trained for 8-bit
 * inference (quantization-aware training), served with its 8-bit kernels.
 */
export type Precision = 'float32' | 'uint8';

export interface TrainedModel {
	/** Folder under static/models/ (and, for float models, on Google's tfjs hosting). */
	readonly id: string;
	readonly version: Version;
	readonly alpha: number;
	/** The resolution it was trained at; the weights run at any resolution. */
	readonly resolution: number;
	readonly precision: Precision;
	/** How BatchNorm comes: as Keras' own layers ('keras'), or folded into kernel and bias. */
	readonly form: WeightForm;
	/** model.json on Google's hosting; null where only the site serves the files. */
	readonly remoteUrl: string | null;
	/** ImageNet top-1 accuracy as published for exactly these weights, and where. */
	readonly top1: { readonly percent: number; readonly source: Citation };
}

function publishedTop1(version: Version, alpha: number, resolution: number, precision: Precision) {
	const same = (r: { alpha: number; resolution: number }) =>
		r.alpha === alpha && r.resolution === resolution;
	const row =
		precision === 'float32'
			? V1_CHECKPOINTS.find(same)
			: TFLITE_QUANT_CHECKPOINTS.find((r) => r.version === version && same(r));
	if (!row) throw new Error(`No published top-1 for ${version} ${alpha}-${resolution}.`);
	return { percent: row.top1, source: precision === 'float32' ? TF_SLIM_V1 : TFLITE_HOSTED_MODELS };
}

export const TRAINED_MODELS: readonly TrainedModel[] = [
	...official.layers.map((m) => ({
		id: m.id,
		version: m.version as Version,
		alpha: m.alpha,
		resolution: m.resolution,
		precision: 'float32' as const,
		form: 'keras' as const,
		remoteUrl: `${official.remoteBase}${m.id}/model.json`,
		top1: publishedTop1(m.version as Version, m.alpha, m.resolution, 'float32')
	})),
	...official.converted.map((m) => ({
		id: m.id,
		version: m.version as Version,
		alpha: m.alpha,
		resolution: m.resolution,
		precision: 'uint8' as const,
		form: 'folded' as const,
		remoteUrl: null,
		top1: publishedTop1(m.version as Version, m.alpha, m.resolution, 'uint8')
	}))
];

/** Why a configuration runs with seeded random weights instead of trained ones. */
export type UntrainedReason =
	/** V3: Google's tfjs copies are frozen graphs, which cannot load layer by layer. */
	| 'no-layers-weights'
	/** V1 at a width multiplier Google never trained (only 0.25, 0.5, 0.75, 1.0 exist). */
	| 'alpha-not-published'
	/** V2 at another width than 1.0, the one Google's 8-bit model has. */
	| 'width-not-converted'
	/** Published weights exist but none of the sources answered (offline, blocked, corrupt). */
	| 'download-failed';

const ALPHA_TOLERANCE = 1e-9;

/**
 * The trained models whose weights fit this configuration, preferred first (float, then 8-bit),
 * or why there are none. With `precision`, only models of that precision count (a lesson that
 * shows Google's 8-bit weights must not be handed the float ones).
 */
export function trainedModelsFor(
	config: Pick<NetworkConfig, 'version' | 'alpha' | 'classes'>,
	precision?: Precision
): { models: TrainedModel[] } | { reason: Exclude<UntrainedReason, 'download-failed'> } {
	const models = TRAINED_MODELS.filter(
		(m) =>
			m.version === config.version &&
			Math.abs(m.alpha - config.alpha) < ALPHA_TOLERANCE &&
			(config.classes ?? 1000) === 1000 &&
			(precision === undefined || m.precision === precision)
	).sort((a, b) => (a.precision === b.precision ? 0 : a.precision === 'float32' ? -1 : 1));
	if (models.length > 0) return { models };
	if (config.version === 'v1') return { reason: 'alpha-not-published' };
	return { reason: config.version === 'v2' ? 'width-not-converted' : 'no-layers-weights' };
}

export type SourceKind = 'same-origin' | 'mirror' | 'official';

export interface WeightSource {
	readonly kind: SourceKind;
	/** URL of model.json; shards are fetched relative to it. */
	readonly url: string;
}

export interface SourceOptions {
	/** Where the site serves static/models/ (default '/models/', i.e. static/models at the root). */
	readonly modelsPath?: string;
	/** A mirror set at build time (PUBLIC_MODEL_BASE_URL), holding <id>/model.json. */
	readonly mirrorBaseUrl?: string | null;
	/** Set false to never contact Google (e.g. a school network that blocks it). */
	readonly allowOfficial?: boolean;
}

function withSlash(url: string): string {
	return url.endsWith('/') ? url : `${url}/`;
}

/**
 * Where to look for a model, in order: the site's own /models/<id>/ (copied there by
 * `npm run models`, or served from ../shared/models in development), then a mirror set at
 * build time, then Google's hosting (float models only).
 */
export function weightSources(model: TrainedModel, options: SourceOptions = {}): WeightSource[] {
	const sources: WeightSource[] = [
		{
			kind: 'same-origin',
			url: `${withSlash(options.modelsPath ?? '/models/')}${model.id}/model.json`
		}
	];
	const mirror = options.mirrorBaseUrl?.trim();
	if (mirror) sources.push({ kind: 'mirror', url: `${withSlash(mirror)}${model.id}/model.json` });
	if (model.remoteUrl && (options.allowOfficial ?? true)) {
		sources.push({ kind: 'official', url: model.remoteUrl });
	}
	return sources;
}

/** Every (model, source) pair to try for a configuration's weights, in the order to try them. */
export function loadingOrder(
	models: readonly TrainedModel[],
	options: SourceOptions = {}
): Array<{ model: TrainedModel; source: WeightSource }> {
	return models.flatMap((model) =>
		weightSources(model, options).map((source) => ({ model, source }))
	);
}
