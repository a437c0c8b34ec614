/**
 * Reads content/ at build time: each compiled lesson's frontmatter (`metadata`) and what
 * rehypeLessonFacts read of it (`facts`), the glossaries and the bibliography. English defines the course; a lesson or glossary not yet translated falls back
 * to English (the parity test keeps that from shipping).
 */
import { baseLocale, type Locale } from '$lib/paraglide/runtime';
import {
	firstAppearances,
	parseGlossary,
	shortTerm,
	sortGlossary,
	type GlossaryEntry
} from './glossary';
import { lessonFeatures, namesLayers, type LessonFeature } from './features';
import { renderInlineMath } from './inline-math';
import { readingMinutes } from './reading-time';
import { citedReferences, parseReferences, type Reference } from './references';
import {
	lessonsOf,
	neighbours,
	parseContentPath,
	parseLessonMeta,
	type LessonEntry
} from './registry';
import { idsOf, parseLessonFacts, type LessonFacts, type TocEntry } from './facts';
import { htmlLang } from '$lib/i18n/languages';
import { LAB_TERM_IDS } from '$lib/lab/layer-labels';

/**
 * Each compiled lesson's frontmatter, and what rehypeLessonFacts read of it. Named exports only:
 * globbing the whole modules here (their components too) lost the lessons' stylesheets from the
 * prerendered pages, which SvelteKit finds through +page.ts's dynamic import of the lesson
 * (tests/e2e/lazy-widgets.test.ts checks every scoped class has its rules).
 */
const metadata = import.meta.glob<unknown>('/content/*/*.md', { import: 'metadata', eager: true });
const facts = import.meta.glob<unknown>('/content/*/*.md', { import: 'facts', eager: true });
const glossaryFiles = import.meta.glob<unknown>('/content/*/glossary.json', {
	import: 'default',
	eager: true
});
/** The animations' components, by name (not loaded: only their names say a lesson animates). */
const animations = Object.keys(import.meta.glob('/src/lib/components/viz/*.svelte')).map((path) =>
	path.replace(/^.*\/(\w+)\.svelte$/, '$1')
);
const referenceFile = import.meta.glob<unknown>('/content/references.json', {
	import: 'default',
	eager: true
});

interface LessonRecord extends LessonEntry {
	facts: LessonFacts;
}

const lessons: LessonRecord[] = Object.entries(metadata).flatMap(([path, meta]) => {
	const at = parseContentPath(path);
	if (!at) return [];
	return [{ ...at, ...parseLessonMeta(meta, path), facts: parseLessonFacts(facts[path], path) }];
});

const references = parseReferences(
	referenceFile['/content/references.json'] ?? [],
	'content/references.json'
);

/** The course as English orders it: the slugs every language must have. */
export function courseSlugs(): string[] {
	return lessonsOf(lessons, baseLocale).map((lesson) => lesson.slug);
}

/** A lesson in `lang`, or its English original when not yet translated. */
function lessonIn(lang: Locale, slug: string): { lesson: LessonRecord; fallback: boolean } | null {
	const own = lessons.find((l) => l.lang === lang && l.slug === slug);
	if (own) return { lesson: own, fallback: false };
	const base = lessons.find((l) => l.lang === baseLocale && l.slug === slug);
	return base ? { lesson: base, fallback: true } : null;
}

export interface CourseItem {
	slug: string;
	title: string;
	summary: string;
	order: number;
	minutes: number;
	/** What it offers besides text: animations, calculators, code, a way into the lab. */
	features: LessonFeature[];
	/** BCP 47 tag of the text shown (English while a translation is missing). */
	contentLang: string;
}

function courseItem(lesson: LessonRecord): CourseItem {
	return {
		slug: lesson.slug,
		title: lesson.title,
		summary: lesson.summary,
		order: lesson.order,
		minutes: readingMinutes(lesson.facts.reading),
		features: lessonFeatures(lesson.facts, animations),
		contentLang: htmlLang[lesson.lang as Locale] ?? lesson.lang
	};
}

/** Every lesson of the course, in order, in `lang` where it exists. */
export function course(lang: Locale): CourseItem[] {
	return courseSlugs().flatMap((slug) => {
		const found = lessonIn(lang, slug);
		return found ? [courseItem(found.lesson)] : [];
	});
}

export interface LessonPageData extends CourseItem {
	/** The language folder the text comes from (for loading the compiled lesson). */
	sourceLang: string;
	fallback: boolean;
	toc: TocEntry[];
	/** Equation ids in order: equation n is equations[n - 1]. */
	equations: string[];
	references: Reference[];
	/**
	 * Its notebook cells in document order: the Notebook knows every cell from the start, though
	 * each cell (a widget island) hydrates only when the reader gets near it.
	 */
	cells: string[];
	/** The glossary entries it marks with <Term>, for their popovers (definition as HTML). */
	terms: Record<string, { term: string; html: string }>;
	/** The glossary's short terms the lab names layers with, for a live widget's layer picker (empty without one). */
	layerTerms: Record<string, string>;
	previous: { slug: string; title: string } | null;
	next: { slug: string; title: string } | null;
}

export function lessonPage(lang: Locale, slug: string): LessonPageData | null {
	const found = lessonIn(lang, slug);
	if (!found) return null;
	const { lesson, fallback } = found;
	const ordered = course(lang);
	const { previous, next } = neighbours(ordered, slug);
	const link = (item: CourseItem | null) => (item ? { slug: item.slug, title: item.title } : null);
	return {
		...courseItem(lesson),
		sourceLang: lesson.lang,
		fallback,
		toc: lesson.facts.toc,
		equations: idsOf(lesson.facts, 'Equation'),
		references: citedReferences(idsOf(lesson.facts, 'Cite'), references),
		cells: idsOf(lesson.facts, 'Cell'),
		terms: termsOf(lang, idsOf(lesson.facts, 'Term')),
		layerTerms: namesLayers(lesson.facts) ? glossaryTerms(lang, LAB_TERM_IDS) : {},
		previous: link(previous),
		next: link(next)
	};
}

export interface GlossaryItem extends GlossaryEntry {
	/** Definition as HTML, math rendered. */
	html: string;
	/** The lesson that introduces the term, if any. */
	firstLesson: { slug: string; title: string; order: number } | null;
}

function glossaryEntries(lang: Locale): { entries: GlossaryEntry[]; sourceLang: Locale } {
	const own = glossaryFiles[`/content/${lang}/glossary.json`];
	const file = own ?? glossaryFiles[`/content/${baseLocale}/glossary.json`] ?? [];
	const sourceLang = own ? lang : baseLocale;
	return { entries: parseGlossary(file, `content/${sourceLang}/glossary.json`), sourceLang };
}

/** The glossary entries `ids` name, each with its definition as HTML (math rendered). */
function termsOf(lang: Locale, ids: readonly string[]): LessonPageData['terms'] {
	const { entries } = glossaryEntries(lang);
	return Object.fromEntries(
		ids.flatMap((id) => {
			const entry = entries.find((e) => e.id === id);
			return entry ? [[id, { term: entry.term, html: renderInlineMath(entry.definition) }]] : [];
		})
	);
}

/** The short form of each glossary term in `ids`, for labels (the lab names layers with them). */
export function glossaryTerms(lang: Locale, ids: readonly string[]): Record<string, string> {
	const { entries } = glossaryEntries(lang);
	return Object.fromEntries(
		ids.map((id) => {
			const entry = entries.find((e) => e.id === id);
			if (!entry) throw new Error(`No glossary entry ${id} in ${lang}.`);
			return [id, shortTerm(entry.term)];
		})
	);
}

/** The glossary of `lang` (English while missing), sorted for that language. */
export function glossary(lang: Locale): { entries: GlossaryItem[]; contentLang: string } {
	const { entries, sourceLang } = glossaryEntries(lang);
	const ordered = courseSlugs().flatMap((slug) => {
		const found = lessonIn(lang, slug);
		return found ? [found.lesson] : [];
	});
	const first = firstAppearances(
		ordered.map((lesson) => ({ slug: lesson.slug, terms: idsOf(lesson.facts, 'Term') }))
	);
	return {
		contentLang: htmlLang[sourceLang],
		entries: sortGlossary(entries, htmlLang[sourceLang]).map((entry) => {
			const slug = first.get(entry.id);
			const lesson = ordered.find((l) => l.slug === slug);
			return {
				...entry,
				html: renderInlineMath(entry.definition),
				firstLesson: lesson ? { slug: lesson.slug, title: lesson.title, order: lesson.order } : null
			};
		})
	};
}
