/**
 * The lab's state in the address bar (?version=v1&alpha=0.5&res=160&layer=conv_dw_2), so a
 * teacher or a lesson can share a link. Every config value goes through the engine's
 * clampConfig: a bad one is replaced, never fatal. A layer the network lacks is left closed.
 */
import { clampConfig } from '$lib/architecture';
import type { ConfigNote, NetworkConfig } from '$lib/architecture';

export type LabConfig = Required<NetworkConfig>;

/** The query field each config value is read from and written to. */
export type LabField = ConfigNote['field'];

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

/**
 * One field changed by the user (a slider, a number box, the version choice), clamped like a
 * URL value. A blank entry is an edit in progress, not a request: the config stays as it was.
 */
export function applyField(config: LabConfig, field: LabField, raw: string): LabReading {
	if (raw.trim() === '') return { config, notes: [] };
	const current: Record<LabField, string> = {
		version: config.version,
		alpha: String(config.alpha),
		res: String(config.resolution)
	};
	const reading = clampConfig({ ...current, [field]: raw });
	return { config: { ...reading.config, classes: config.classes }, notes: reading.notes };
}

export function sameConfig(a: LabConfig, b: LabConfig): boolean {
	return (
		a.version === b.version &&
		a.alpha === b.alpha &&
		a.resolution === b.resolution &&
		a.classes === b.classes
	);
}
