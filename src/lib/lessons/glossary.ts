/**
 * The glossary: one JSON file per language (content/<lang>/glossary.json) holding the prose,
 * and where in the course each term first appears (a lesson marks it with <Term id="…">).
 */
export interface GlossaryEntry {
	/** Anchor on the glossary page; the same in every language. */
	id: string;
	term: string;
	/** Plain text; `$…$` is rendered with KaTeX at build time. */
	definition: string;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Validates a glossary file: an array of entries with unique, well-formed ids. */
export function parseGlossary(raw: unknown, where: string): GlossaryEntry[] {
	if (!Array.isArray(raw)) throw new Error(`${where}: a glossary is an array of entries`);
	const seen = new Set<string>();
	return raw.map((item: unknown, i) => {
		const { id, term, definition } = (item ?? {}) as Record<string, unknown>;
		if (typeof id !== 'string' || !ID.test(id)) {
			throw new Error(`${where}: entry ${i} needs an id of lower-case letters, digits and -`);
		}
		if (seen.has(id)) throw new Error(`${where}: id ${id} appears twice`);
		seen.add(id);
		if (typeof term !== 'string' || term.trim() === '') {
			throw new Error(`${where}: ${id} needs a term`);
		}
		if (typeof definition !== 'string' || definition.trim() === '') {
			throw new Error(`${where}: ${id} needs a definition`);
		}
		return { id, term, definition };
	});
}

/**
 * A term without the original in brackets that translations add ("поканальная свёртка
 * (depthwise convolution)" → "поканальная свёртка"), for labels where space is short.
 */
export function shortTerm(term: string): string {
	return term.replace(/\s*[（(][^（()）]*[)）]\s*$/, '').trim() || term;
}

/** Entries sorted as a reader of the language expects (pinyin order for Chinese, etc.). */
export function sortGlossary(entries: readonly GlossaryEntry[], locale: string): GlossaryEntry[] {
	const collator = new Intl.Collator(locale, { sensitivity: 'base' });
	return [...entries].sort((a, b) => collator.compare(a.term, b.term));
}

/**
 * For each term id, the first lesson (in course order) that marks it. Lessons must be passed in
 * course order, each with the terms it marks (<Term id="…">).
 */
export function firstAppearances(
	lessons: ReadonlyArray<{ slug: string; terms: readonly string[] }>
): Map<string, string> {
	const first = new Map<string, string>();
	for (const lesson of lessons) {
		for (const id of lesson.terms) {
			if (!first.has(id)) first.set(id, lesson.slug);
		}
	}
	return first;
}
