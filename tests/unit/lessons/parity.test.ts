/**
 * Every lesson in every language, with the same structure, and every UI string in every language.
 * Fails until the translations exist: that is its job.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idsOf } from '$lib/lessons/facts';
import { LANGUAGES, compiledFacts, slugsOf } from './helpers';

const others = LANGUAGES.filter((lang) => lang !== 'en');
const english = slugsOf('en');

describe('lesson parity', () => {
	it('has English lessons to compare with', () => {
		expect(english.length).toBeGreaterThan(0);
	});

	for (const lang of others) {
		describe(lang, () => {
			it('has exactly the English lessons and a glossary', () => {
				expect(slugsOf(lang)).toEqual(english);
				expect(existsSync(`content/${lang}/glossary.json`)).toBe(true);
			});

			for (const slug of english) {
				it(`${slug} uses the same components, sections, equations and terms`, () => {
					expect(existsSync(`content/${lang}/${slug}.md`), `content/${lang}/${slug}.md`).toBe(true);
					const en = compiledFacts('en', slug);
					const translated = compiledFacts(lang, slug);
					expect(translated.components).toEqual(en.components);
					expect(translated.toc.map((h) => h.id)).toEqual(en.toc.map((h) => h.id));
					for (const name of ['Equation', 'Cite', 'Erratum']) {
						expect(idsOf(translated, name), name).toEqual(idsOf(en, name));
					}
					expect(new Set(idsOf(translated, 'Term'))).toEqual(new Set(idsOf(en, 'Term')));
				});
			}

			it('glossary has the English ids', () => {
				const ids = (file: string) =>
					(JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string }>).map((e) => e.id).sort();
				expect(ids(`content/${lang}/glossary.json`)).toEqual(ids('content/en/glossary.json'));
			});
		});
	}
});

describe('message parity', () => {
	const keys = (lang: string) =>
		Object.keys(JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<string, string>)
			.filter((key) => key !== '$schema')
			.sort();

	for (const lang of others) {
		it(`messages/${lang}.json has exactly the keys of messages/en.json`, () => {
			const en = new Set(keys('en'));
			const other = new Set(keys(lang));
			expect(
				[...en].filter((k) => !other.has(k)),
				`missing in ${lang}`
			).toEqual([]);
			expect(
				[...other].filter((k) => !en.has(k)),
				`only in ${lang}`
			).toEqual([]);
		});

		it(`messages/${lang}.json translates every lesson_ string (none empty)`, () => {
			const messages = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<
				string,
				string
			>;
			const empty = Object.entries(messages).filter(
				([key, value]) => key.startsWith('lesson_') && value.trim() === ''
			);
			expect(empty).toEqual([]);
		});
	}
});
