/**
 * What the site knows of a lesson without rendering it: read by rehypeLessonFacts
 * (mdsvex-plugins.js) from the tree the lesson is rendered from, and exported by the compiled
 * lesson as `facts` (on the server only). One parse serves the page, the lesson list, the
 * glossary and the tests.
 */
import type { ReadingUnits } from './reading-time';

export interface TocEntry {
	id: string;
	/** As the heading reads on the page: math and markup left out. */
	text: string;
	depth: 2 | 3;
}

export interface LessonFacts {
	toc: TocEntry[];
	/** Names of the components the lesson uses, sorted. */
	components: string[];
	/** For each component given ids, the ids in order of appearance, repeats kept. */
	ids: Record<string, string[]>;
	/** Whether a component is given `controls` (the reader sets its numbers). */
	controls: boolean;
	/** The words and characters a student reads: code, math, markup and teacher notes left out. */
	reading: ReadingUnits;
	/** The same without the key points (the slides' text). */
	prose: ReadingUnits;
}

/** A compiled lesson's facts; an error naming the file when they are missing. */
export function parseLessonFacts(raw: unknown, where: string): LessonFacts {
	const { toc, components, ids, controls, reading, prose } = (raw ?? {}) as Partial<LessonFacts>;
	if (!Array.isArray(toc) || !Array.isArray(components) || !ids || !reading || !prose) {
		throw new Error(`${where}: no lesson facts (did rehypeLessonFacts run?)`);
	}
	return { toc, components, ids, controls: controls === true, reading, prose };
}

/** The ids given to `<name>` tags, in order of first appearance, without repeats. */
export function idsOf(facts: Pick<LessonFacts, 'ids'>, name: string): string[] {
	return [...new Set(facts.ids[name] ?? [])];
}
