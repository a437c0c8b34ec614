import { getContext, setContext } from 'svelte';
import type { Terms } from '$lib/lab/layer-labels';
import type { Locale } from '$lib/paraglide/runtime';

/** What a lesson's components need from the page: read through getters, so it follows navigation. */
export interface LessonContext {
	readonly lang: Locale;
	/** Equation ids in order of appearance: equation n is equations[n - 1]. */
	readonly equations: readonly string[];
	/** Reference ids in order of first citation: [n] is references[n - 1]. */
	readonly references: readonly string[];
	/** The glossary entries the lesson marks with <Term>, by id (their popovers' text). */
	readonly terms?: Readonly<Record<string, { term: string; html: string }>>;
	/** The glossary's short terms the lab names layers with (a live widget's layer picker). */
	readonly layerTerms?: Terms;
}

const KEY = Symbol('lesson');

export function setLessonContext(context: LessonContext): void {
	setContext(KEY, context);
}

/** What a page knows of its lesson that the lesson's components need. */
export interface LessonPage {
	readonly lang: Locale;
	readonly lesson: {
		readonly equations: readonly string[];
		readonly references: readonly { readonly id: string }[];
		readonly terms?: LessonContext['terms'];
		readonly layerTerms?: Terms;
	};
}

/**
 * Sets the lesson context from a page's data (the reading page, a deck, the presenter's notes),
 * read through getters so it follows navigation.
 */
export function setLessonPageContext(page: () => LessonPage): void {
	setLessonContext({
		get lang() {
			return page().lang;
		},
		get equations() {
			return page().lesson.equations;
		},
		get references() {
			return page().lesson.references.map((reference) => reference.id);
		},
		get terms() {
			return page().lesson.terms;
		},
		get layerTerms() {
			return page().lesson.layerTerms;
		}
	});
}

export function lessonContext(): LessonContext {
	const context = getContext<LessonContext | undefined>(KEY);
	if (!context) throw new Error('lesson components render inside a lesson page');
	return context;
}

/** 1-based position of an id in a list, or throws (a typo in a lesson fails the build). */
export function numberOf(ids: readonly string[], id: string, what: string): number {
	const index = ids.indexOf(id);
	if (index === -1) throw new Error(`no ${what} with id "${id}" in this lesson`);
	return index + 1;
}
