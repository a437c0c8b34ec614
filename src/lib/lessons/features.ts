/**
 * What a lesson offers besides its text, read from the components it uses, so the lesson list and
 * the home page never keep a list of their own: an animation (a component of the animations
 * folder), a calculator (a widget that computes from numbers the reader picks, or any widget given
 * `controls`), code to run (a notebook cell), a way into the lab. And whether its page needs the
 * lab's words for layers (`namesLayers`).
 */
import type { LessonFacts } from './facts';

export type LessonFeature = 'animation' | 'calculator' | 'code' | 'lab';

export const FEATURES: readonly LessonFeature[] = ['animation', 'calculator', 'code', 'lab'];

/** Lesson widgets that always take the reader's numbers. */
const CALCULATORS: ReadonlySet<string> = new Set([
	'CostCalculator',
	'NetworkExplorer',
	'AccuracyChart'
]);
/** Widgets that open the lab (the architecture tables link every row to its layer). */
const LAB_LINKS: ReadonlySet<string> = new Set(['LabLink', 'NetworkExplorer', 'ArchitectureTable']);
/** Widgets that name a network's layers as the lab does (its LayerPicker). */
const LAYER_NAMERS: ReadonlySet<string> = new Set(['LiveWeights']);

/** Whether the lesson names layers as the lab does: only then does its page carry the lab's terms. */
export function namesLayers(facts: Pick<LessonFacts, 'components'>): boolean {
	return facts.components.some((name) => LAYER_NAMERS.has(name));
}

/**
 * The features of a lesson (from its facts), in FEATURES order. `animations` names the components
 * of the animations folder (src/lib/components/viz).
 */
export function lessonFeatures(
	facts: Pick<LessonFacts, 'components' | 'controls'>,
	animations: readonly string[]
): LessonFeature[] {
	const names = new Set(facts.components);
	const has: Record<LessonFeature, boolean> = {
		animation: animations.some((name) => names.has(name)),
		calculator: [...names].some((name) => CALCULATORS.has(name)) || facts.controls,
		code: names.has('Cell'),
		lab: [...names].some((name) => LAB_LINKS.has(name))
	};
	return FEATURES.filter((feature) => has[feature]);
}
