import { readFileSync, readdirSync, existsSync } from 'node:fs';
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

/** The flat `key: value` frontmatter the lessons use. */
export function frontmatter(source: string): Record<string, string> {
	const block = /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '';
	return Object.fromEntries(
		block
			.split('\n')
			.map((line) => /^([a-z]+):\s*(.*)$/.exec(line))
			.filter((match): match is RegExpExecArray => match !== null)
			.map((match) => [match[1], (match[2] ?? '').replace(/^(['"])(.*)\1$/, '$2')])
	);
}
