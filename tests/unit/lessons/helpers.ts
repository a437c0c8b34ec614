import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { inject } from 'vitest';
import { parse } from 'yaml';
import type { LessonFacts } from '$lib/lessons/facts';
import { parseLessonMeta, type LessonMeta } from '$lib/lessons/registry';
import { languages } from '../../../scripts/lib/languages.js';

export const LANGUAGES = languages;

/** Lesson slugs of a language folder (content/<lang>/*.md). */
export function slugsOf(lang: string): string[] {
	const dir = `content/${lang}`;
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((file) => file.endsWith('.md'))
		.map((file) => file.slice(0, -3))
		.sort();
}

export function lessonSource(lang: string, slug: string): string {
	return readFileSync(`content/${lang}/${slug}.md`, 'utf8');
}

/**
 * A lesson's frontmatter, read as YAML (as mdsvex reads it for the site) and checked by the site's
 * own parseLessonMeta: a summary with an unquoted ": " fails here, not only in the build.
 */
export function frontmatter(source: string, where = 'lesson'): LessonMeta {
	const block = /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '';
	return parseLessonMeta(parse(block), where);
}

/** A lesson's facts as the site reads them, compiled once for the whole run (../global-setup.ts). */
export function compiledFacts(lang: string, slug: string): LessonFacts {
	const facts = inject('lessonFacts')[`${lang}/${slug}`];
	if (!facts) throw new Error(`No lesson content/${lang}/${slug}.md`);
	if ('error' in facts) throw new Error(facts.error);
	return facts;
}
