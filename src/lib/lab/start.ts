/**
 * The configuration the lab opens on when its address names none: the widest trained network the
 * site can load, so that a newcomer's first look at the live network (in an offline classroom
 * too) is never random predictions. A shared link keeps exactly the configuration it names.
 */
import { DEFAULT_CONFIG, VERSIONS } from '$lib/architecture';
import type { TrainedModel } from '$lib/model/registry';
import type { LabConfig } from './query';

/** Whether an address names a configuration: any of the lab's fields, even a bad one. */
export function namesConfig(params: URLSearchParams): boolean {
	return ['version', 'alpha', 'res'].some((field) => params.has(field));
}

/**
 * Every trained network once, widest (largest α) first; among equals the default version (V1, the
 * lessons' first network) first, then the versions' order. Each at the default resolution.
 */
export function startCandidates(models: readonly TrainedModel[]): LabConfig[] {
	const rank = (version: string) =>
		version === DEFAULT_CONFIG.version ? -1 : VERSIONS.indexOf(version as LabConfig['version']);
	const seen = new Set<string>();
	return [...models]
		.sort((a, b) => b.alpha - a.alpha || rank(a.version) - rank(b.version))
		.filter((m) => {
			const key = `${m.version}/${m.alpha}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.map((m) => ({ ...DEFAULT_CONFIG, version: m.version, alpha: m.alpha }));
}

/**
 * The first candidate whose trained weights `loadable` can reach, asked one at a time in order;
 * the default configuration when none can (it then runs untrained and says why).
 */
export async function chooseStart(
	candidates: readonly LabConfig[],
	loadable: (config: LabConfig) => Promise<boolean>
): Promise<LabConfig> {
	for (const config of candidates) {
		if (await loadable(config)) return config;
	}
	return DEFAULT_CONFIG;
}
