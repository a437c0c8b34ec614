/**
 * The UI names the depthwise, pointwise and grouped convolutions with the glossary's term, the one the lessons
 * use, so a student never meets two names for one thing. English is left out: its labels shorten
 * the same words ("Depthwise"), and the glossary is written in them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '$lib/lessons/glossary';
import { LANGUAGES, lessonSource, slugsOf } from './helpers';

/** Messages that name the step itself (titles, labels), by glossary id. */
const NAMING: Record<string, string[]> = {
	'depthwise-convolution': [
		'anim_title_depthwise',
		'anim_stage_depthwise',
		'lab_kind_depthwise',
		'lesson_kind_depthwise',
		'lesson_calc_depthwise'
	],
	'pointwise-convolution': ['anim_title_pointwise', 'lab_kind_pointwise', 'lesson_calc_pointwise'],
	'grouped-convolution': ['anim_title_grouped']
};

/** Names the UI once used beside the lessons' term. */
const RIVALS: Partial<Record<string, RegExp>> = {
	ru: /(?<!разделим\S* )по глубине/i,
	zh: /逐通道卷积/
};

/** The glossary term without its English original: "поканальная свёртка (depthwise …)" → "поканальная свёртка". */
const headword = (term: string) => term.replace(/\s*[(（].*$/, '').toLowerCase();

for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
	describe(`terminology (${lang})`, () => {
		const file = `content/${lang}/glossary.json`;
		const glossary = parseGlossary(JSON.parse(readFileSync(file, 'utf8')), file);
		const messages = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<
			string,
			string
		>;
		const lessons = slugsOf(lang)
			.map((slug) => lessonSource(lang, slug).toLowerCase())
			.join('\n');

		for (const [id, keys] of Object.entries(NAMING)) {
			it(`names ${id} in the UI as the glossary and the lessons do`, () => {
				const term = glossary.find((entry) => entry.id === id)?.term;
				expect(term, id).toBeTruthy();
				const word = headword(term ?? '');
				// Russian inflects: the lessons use the term in some case, so compare its stem.
				const stem = lang === 'ru' ? word.split(' ')[0]?.slice(0, -2) : word;
				expect(lessons).toContain(stem);
				for (const key of keys) expect(messages[key]?.toLowerCase(), key).toContain(word);
			});
		}

		it('uses no other name for the depthwise step', () => {
			const rival = RIVALS[lang];
			const found = Object.entries(messages).filter(([, value]) => rival?.test(value));
			expect(found).toEqual([]);
		});
	});
}
