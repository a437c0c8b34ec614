import { getContext, setContext } from 'svelte';
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
}

const KEY = Symbol('lesson');

export function setLessonContext(context: LessonContext): void {
	setContext(KEY, context);
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
