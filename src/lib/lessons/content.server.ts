/**
 * Reads content/ at build time: every lesson's source and frontmatter, the glossaries and the
 * bibliography. English defines the course; a lesson or glossary not yet translated falls back
 * to English (the parity test keeps that from shipping).
 */
import { baseLocale, type Locale } from '$lib/paraglide/runtime';
import { firstAppearances, parseGlossary, sortGlossary, type GlossaryEntry } from './glossary';
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
import { componentIds, extractToc, readableText, type TocEntry } from './source';
import { htmlLang } from '$lib/i18n/languages';

const sources = import.meta.glob<string>('/content/*/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
});
const frontmatter = import.meta.glob<unknown>('/content/*/*.md', {
	import: 'metadata',
	eager: true
});
const glossaryFiles = import.meta.glob<unknown>('/content/*/glossary.json', {
	import: 'default',
	eager: true
});
const referenceFile = import.meta.glob<unknown>('/content/references.json', {
	import: 'default',
	eager: true
});

export interface LessonRecord extends LessonEntry {
	source: string;
}

const lessons: LessonRecord[] = Object.entries(sources).flatMap(([path, source]) => {
	const at = parseContentPath(path);
	if (!at) return [];
	return [{ ...at, ...parseLessonMeta(frontmatter[path], path), source }];
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
	/** BCP 47 tag of the text shown (English while a translation is missing). */
	contentLang: string;
}

function courseItem(lesson: LessonRecord): CourseItem {
	return {
		slug: lesson.slug,
		title: lesson.title,
		summary: lesson.summary,
		order: lesson.order,
		minutes: readingMinutes(readableText(lesson.source)),
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
	 * each cell's section hydrates only when the reader gets near it.
	 */
	cells: string[];
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
		toc: extractToc(lesson.source),
		equations: componentIds(lesson.source, 'Equation'),
		references: citedReferences(componentIds(lesson.source, 'Cite'), references),
		cells: componentIds(lesson.source, 'Cell'),
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

/** The glossary of `lang` (English while missing), sorted for that language. */
export function glossary(lang: Locale): { entries: GlossaryItem[]; contentLang: string } {
	const own = glossaryFiles[`/content/${lang}/glossary.json`];
	const file = own ?? glossaryFiles[`/content/${baseLocale}/glossary.json`] ?? [];
	const sourceLang = own ? lang : baseLocale;
	const entries = parseGlossary(file, `content/${sourceLang}/glossary.json`);
	const ordered = courseSlugs().flatMap((slug) => {
		const found = lessonIn(lang, slug);
		return found ? [found.lesson] : [];
	});
	const first = firstAppearances(ordered);
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

/** Every lesson record, for tests and the parity check. */
export function allLessons(): readonly LessonRecord[] {
	return lessons;
}
