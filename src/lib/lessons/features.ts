/**
 * What a lesson offers besides its text, read from the components its source uses, so the lesson
 * list and the home page never keep a list of their own: an animation (a component of the
 * animations folder), a calculator (a widget that computes from numbers the reader picks, or any
 * widget given `controls`), code to run (a notebook cell), a way into the lab.
 */
import { body, componentNames } from './source';

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

/**
 * The features of a lesson's source, in FEATURES order. `animations` names the components of the
 * animations folder (src/lib/components/viz).
 */
export function lessonFeatures(source: string, animations: readonly string[]): LessonFeature[] {
	const names = new Set(componentNames(source));
	const withControls = [...body(source).matchAll(/<([A-Z][A-Za-z0-9]*)\b[^<>]*\bcontrols\b/g)];
	const has: Record<LessonFeature, boolean> = {
		animation: animations.some((name) => names.has(name)),
		calculator: [...names].some((name) => CALCULATORS.has(name)) || withControls.length > 0,
		code: names.has('Cell'),
		lab: [...names].some((name) => LAB_LINKS.has(name))
	};
	return FEATURES.filter((feature) => has[feature]);
}
