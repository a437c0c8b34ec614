/**
 * Which of the lab's configurations run with trained weights, for the controls and the classes.
 * The model registry (`trainedModelsFor`) is the one source of "trained or not, and why": this
 * module only asks it about the configurations the controls offer, and never lists any itself.
 * The registry holds no tfjs, so the controls may import it before the live network loads.
 */
import { VERSIONS, type NetworkConfig, type Version } from '$lib/architecture';
import { trainedModelsFor, type UntrainedReason } from '$lib/model/registry';
import { publishedAlphas } from './controls';
import type { LabConfig } from './query';

export type Training =
	| { trained: true; alpha: number; /** The resolution it was trained at. */ resolution: number }
	| { trained: false; reason: UntrainedReason };

/** Whether `config` has trained weights (they run at any resolution), or why not. */
export function trainingOf(config: Pick<NetworkConfig, 'version' | 'alpha' | 'classes'>): Training {
	const found = trainedModelsFor(config);
	if ('reason' in found) return { trained: false, reason: found.reason };
	// The preferred model (float before 8-bit): the one the lab loads when it can.
	const model = found.models[0]!;
	return { trained: true, alpha: model.alpha, resolution: model.resolution };
}

/** The width multipliers of `version` the controls offer that have trained weights. */
export function trainedAlphas(version: Version): number[] {
	return publishedAlphas(version).filter((alpha) => trainingOf({ version, alpha }).trained);
}

/** The input sizes the trained weights of `version` were trained at (they run at any size). */
export function trainedResolutions(version: Version): number[] {
	const sizes = publishedAlphas(version).flatMap((alpha) => {
		const training = trainingOf({ version, alpha });
		return training.trained ? [training.resolution] : [];
	});
	return [...new Set(sizes)].sort((a, b) => a - b);
}

/**
 * The trained configuration closest to `config`: the same version at the nearest trained width
 * if it has one, else the nearest version that does (in the course's order), at the resolution
 * already chosen. Null when nothing is trained, or when `config` itself is.
 */
export function nearestTrained(config: LabConfig): LabConfig | null {
	if (trainingOf(config).trained) return null;
	const from = VERSIONS.indexOf(config.version);
	const candidates = VERSIONS.flatMap((version, index) =>
		trainedAlphas(version).map((alpha) => ({
			version,
			alpha,
			distance: Math.abs(index - from) * 10 + Math.abs(alpha - config.alpha)
		}))
	);
	// Ties go to the earlier version, the wider network: V1 before V2, α 1.0 before 0.5.
	candidates.sort(
		(a, b) =>
			a.distance - b.distance ||
			VERSIONS.indexOf(a.version) - VERSIONS.indexOf(b.version) ||
			b.alpha - a.alpha
	);
	const best = candidates[0];
	return best ? { ...config, version: best.version, alpha: best.alpha } : null;
}
