/**
 * The lab's state in the address bar (?version=v1&alpha=0.5&res=160&layer=conv_dw_2), so a
 * teacher or a lesson can share a link. Every config value goes through the engine's
 * clampConfig: a bad one is replaced, never fatal. A layer the network lacks is left closed.
 */
import { clampAlpha, clampConfig, clampResolution } from '$lib/architecture';
import type { ConfigNote, NetworkConfig, Version } from '$lib/architecture';

export type LabConfig = Required<NetworkConfig>;

export interface LabReading {
	config: LabConfig;
	/** What was replaced, so the page can say so. */
	notes: ConfigNote[];
}

export function parseLabQuery(params: URLSearchParams): LabReading {
	return clampConfig({
		version: params.get('version'),
		alpha: params.get('alpha'),
		res: params.get('res')
	});
}

/** The open layer named in the address, if any (the caller checks the network has it). */
export function parseLabLayer(params: URLSearchParams): string | null {
	return params.get('layer')?.trim() || null;
}

export function serializeLabQuery(config: LabConfig, layer: string | null = null): string {
	return new URLSearchParams({
		version: config.version,
		alpha: String(config.alpha),
		res: String(config.resolution),
		...(layer !== null && { layer })
	}).toString();
}

/** A value the user chose with a control: a version, or a number from a slider, box or mark. */
export type FieldChange =
	{ field: 'version'; value: Version } | { field: 'alpha' | 'res'; value: number };

/**
 * One field changed by the user, clamped to what the lab can build, with a note when the value
 * used is not the one given. Controls hand over numbers: strings stay at the URL's edge
 * (parseLabQuery), and text that is not a number never reaches the config (`refusal`).
 */
export function applyField(config: LabConfig, change: FieldChange): LabReading {
	if (change.field === 'version')
		return { config: { ...config, version: change.value }, notes: [] };
	const { field, value } = change;
	const used = field === 'alpha' ? clampAlpha(value) : clampResolution(value);
	const next = field === 'alpha' ? { ...config, alpha: used } : { ...config, resolution: used };
	const notes = used === value ? [] : [{ field, given: String(value), used: String(used) }];
	return { config: next, notes };
}

/** Typed text that is no number: the config stays, and the note says what it kept. */
export function refusal(config: LabConfig, field: 'alpha' | 'res', given: string): ConfigNote {
	const kept = field === 'alpha' ? config.alpha : config.resolution;
	return { field, given, used: String(kept) };
}

export function sameConfig(a: LabConfig, b: LabConfig): boolean {
	return (
		a.version === b.version &&
		a.alpha === b.alpha &&
		a.resolution === b.resolution &&
		a.classes === b.classes
	);
}
