import type { NetworkConfig, Version } from './types';

export const VERSIONS: readonly Version[] = ['v1', 'v2', 'v3-large', 'v3-small'];

/** Width multipliers the lab offers; the papers' largest released model is α = 1.4. */
export const ALPHA_RANGE = { min: 0.1, max: 1.5 } as const;
/** Keras refuses inputs under 32×32; past 512 the lab's numbers stop being instructive. */
export const RESOLUTION_RANGE = { min: 32, max: 512 } as const;

export const DEFAULT_CONFIG: Required<NetworkConfig> = {
	version: 'v1',
	alpha: 1,
	resolution: 224,
	classes: 1000
};

/** Fills in the default class count and rejects configs no network can be built from. */
export function withDefaults(config: NetworkConfig): Required<NetworkConfig> {
	const full = { ...config, classes: config.classes ?? DEFAULT_CONFIG.classes };
	if (!(Number.isFinite(full.alpha) && full.alpha > 0)) {
		throw new RangeError(`alpha must be a positive number, got ${full.alpha}`);
	}
	if (!(Number.isInteger(full.resolution) && full.resolution > 0)) {
		throw new RangeError(`resolution must be a positive integer, got ${full.resolution}`);
	}
	if (!(Number.isInteger(full.classes) && full.classes > 0)) {
		throw new RangeError(`classes must be a positive integer, got ${full.classes}`);
	}
	return full;
}

type Field = 'version' | 'alpha' | 'res';
export interface ConfigNote {
	field: Field;
	given: string;
	used: string;
}

/** A width multiplier the lab can build, the nearest one to `alpha` (a finite number). */
export function clampAlpha(alpha: number): number {
	return Math.min(ALPHA_RANGE.max, Math.max(ALPHA_RANGE.min, alpha));
}

/** A resolution the lab can build: a whole pixel count in range, the nearest to `resolution`. */
export function clampResolution(resolution: number): number {
	return Math.min(RESOLUTION_RANGE.max, Math.max(RESOLUTION_RANGE.min, Math.round(resolution)));
}

/** The value to use for one numeric query field, or null when it was absent. */
function readNumber(
	given: string | null | undefined,
	fallback: number,
	clamp: (v: number) => number
): number | null {
	if (given == null) return null;
	// Number('') is 0 and Number(' ') too: treat blank as garbage, not as zero.
	const parsed = given.trim() === '' ? NaN : Number(given);
	return Number.isFinite(parsed) ? clamp(parsed) : fallback;
}

/**
 * Reads the lab's URL query (?version=&alpha=&res=). Missing values take the defaults quietly;
 * given values that are unusable are replaced by the nearest valid one (non-numbers by the
 * default), each with a note so the page can say what it did.
 */
export function clampConfig(raw: Partial<Record<Field, string | null>>): {
	config: Required<NetworkConfig>;
	notes: ConfigNote[];
} {
	const notes: ConfigNote[] = [];

	const known = VERSIONS.find((v) => v === raw.version);
	const version = known ?? DEFAULT_CONFIG.version;
	if (raw.version != null && known === undefined) {
		notes.push({ field: 'version', given: raw.version, used: version });
	}

	const alpha = readNumber(raw.alpha, DEFAULT_CONFIG.alpha, clampAlpha);
	if (raw.alpha != null && alpha !== Number(raw.alpha)) {
		notes.push({ field: 'alpha', given: raw.alpha, used: String(alpha) });
	}
	// Resolutions are pixel counts: a fractional one is rounded (and noted).
	const resolution = readNumber(raw.res, DEFAULT_CONFIG.resolution, clampResolution);
	if (raw.res != null && resolution !== Number(raw.res)) {
		notes.push({ field: 'res', given: raw.res, used: String(resolution) });
	}

	return {
		config: {
			...DEFAULT_CONFIG,
			version,
			alpha: alpha ?? DEFAULT_CONFIG.alpha,
			resolution: resolution ?? DEFAULT_CONFIG.resolution
		},
		notes
	};
}
