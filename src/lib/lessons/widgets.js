// What a lesson may use by name, and which of those are interactive widgets, for svelte.config.js
// (the mdsvex plugins) and vite.config.ts (lazy-widgets.js). Plain JS: Node reads both configs.
import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/** The folders whose components a lesson uses by name (a name in two of them goes to the first). */
export const LESSON_COMPONENT_FOLDERS = [
	'src/lib/components/lesson',
	'src/lib/components/viz',
	'src/lib/components/notebook'
];

/**
 * The interactive widgets. The rest of a lesson (prose, math, tables, numbers, terms) is static
 * HTML that never hydrates; each of these is an island of its own, hydrated when the reader gets
 * near it, its code loaded with it (src/lib/components/island). A widget stands alone in its block.
 */
export const ISLAND_WIDGETS = [
	'AccuracyChart',
	'ActivationPlot',
	'ArchitectureTable',
	'BlockPair',
	'Cell',
	'ComparisonTable',
	'ConvolutionAnimation',
	'CostCalculator',
	'CostSplit',
	'InvertedResidualBlock',
	'LatencyChart',
	'LatencyTable',
	'LiveLatency',
	'LiveQuantization',
	'LiveWeights',
	'ModelSizeChart',
	'MultiplierTable',
	'NetworkExplorer',
	'NetworkShape',
	'RatioCurve',
	'Roofline',
	'ShareTable',
	'SqueezeExciteBlock'
];

/**
 * Component name → import path for every Svelte file in the given folders (earlier folders win).
 * @param {string} root project root
 * @param {string[]} folders relative to root, e.g. ['src/lib/components/lesson']
 * @returns {Record<string, string>}
 */
export function componentsIn(root, folders) {
	/** @type {Record<string, string>} */
	const map = {};
	for (const folder of [...folders].reverse()) {
		const dir = resolve(root, folder);
		if (!existsSync(dir)) continue;
		for (const file of readdirSync(dir)) {
			if (!file.endsWith('.svelte')) continue;
			map[basename(file, '.svelte')] = `${folder.replace(/^src\/lib/, '$lib')}/${file}`;
		}
	}
	return map;
}
