/**
 * Which trained weights exist for a network, and where to fetch them from.
 *
 * Google publishes MobileNet V1 (α 0.25, 0.50, 0.75, 1.0, trained at 224 px) as tfjs *layers*
 * models with Keras layer names, so they load by name into the network the architecture
 * engine describes, at any resolution. V2 and V3 exist for tfjs only as *graph* models (TF Hub):
 * their weights are nameless ops of a frozen graph, not Keras layers, so they cannot load into
 * our model by layer name, and V2/V3 run untrained (seeded He-normal initialisation).
 */
import type { NetworkConfig } from '$lib/architecture';
import official from './official-models.json';

export interface OfficialModel {
	/** Folder name on Google's bucket and under static/models/. */
	readonly id: string;
	readonly version: 'v1';
	readonly alpha: number;
	/** The resolution it was trained at; the weights run at any resolution. */
	readonly resolution: number;
	/** model.json on Google's tfjs-models hosting. */
	readonly remoteUrl: string;
}

export const OFFICIAL_MODELS: readonly OfficialModel[] = official.models.map((m) => ({
	id: m.id,
	version: 'v1',
	alpha: m.alpha,
	resolution: m.resolution,
	remoteUrl: `${official.remoteBase}${m.id}/model.json`
}));

/** Why a configuration runs with seeded random weights instead of trained ones. */
export type UntrainedReason =
	/** V2 and V3: official tfjs weights exist only as graph models, which cannot load by layer name. */
	| 'no-layers-weights'
	/** V1 at a width multiplier Google never trained (only 0.25, 0.5, 0.75, 1.0 exist). */
	| 'alpha-not-published'
	/** Published weights exist but none of the sources answered (offline, blocked, corrupt). */
	| 'download-failed';

const ALPHA_TOLERANCE = 1e-9;

/** The official model whose weights fit this configuration, or why there is none. */
export function officialModelFor(
	config: Pick<NetworkConfig, 'version' | 'alpha' | 'classes'>
): { model: OfficialModel } | { reason: Exclude<UntrainedReason, 'download-failed'> } {
	if (config.version !== 'v1') return { reason: 'no-layers-weights' };
	if ((config.classes ?? 1000) !== 1000) return { reason: 'alpha-not-published' };
	const model = OFFICIAL_MODELS.find((m) => Math.abs(m.alpha - config.alpha) < ALPHA_TOLERANCE);
	return model ? { model } : { reason: 'alpha-not-published' };
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
 * build time, then Google's hosting.
 */
export function weightSources(model: OfficialModel, options: SourceOptions = {}): WeightSource[] {
	const sources: WeightSource[] = [
		{
			kind: 'same-origin',
			url: `${withSlash(options.modelsPath ?? '/models/')}${model.id}/model.json`
		}
	];
	const mirror = options.mirrorBaseUrl?.trim();
	if (mirror) sources.push({ kind: 'mirror', url: `${withSlash(mirror)}${model.id}/model.json` });
	if (options.allowOfficial ?? true) sources.push({ kind: 'official', url: model.remoteUrl });
	return sources;
}

/** The first source that exists, given which URLs answer: the loading order as a pure rule. */
export function firstAvailable(
	sources: readonly WeightSource[],
	exists: (url: string) => boolean
): WeightSource | null {
	return sources.find((s) => exists(s.url)) ?? null;
}
