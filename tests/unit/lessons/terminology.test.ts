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

/**
 * Russian: the one term the ru review settled for each concept, and the rivals it replaced, searched
 * in the lessons, the glossary and the UI (`where` narrows a rival to the UI where the word is fine
 * elsewhere: lessons may say a figure is not a typo, or gloss squeeze-and-excite in Russian).
 */
const RUSSIAN_RIVALS: { term: string; rival: RegExp; where?: 'ui' }[] = [
	{ term: 'инференс (inference)', rival: /вывод\S*\s+на\s+устройстве|при\s+вывод[еу]\b/i },
	{ term: 'вес канала (SE gate)', rival: /заслонк/i },
	{ term: 'расширенная свёртка (atrous)', rival: /атрусн/i },
	{ term: 'экстрактор признаков', rival: /извлекател/i },
	{ term: 'регулятор (dial)', rival: /ручк[аеиоу]/i },
	{
		term: 'узкий (thin)',
		rival: /тонк\S*\s+(слой|слоёв|слоя|сет|карт|конц|вход|выход|MobileNet)|тоньше/i
	},
	{ term: 'менее глубокая (shallower)', rival: /мельче/i },
	{ term: 'обходная связь (shortcut)', rival: /(^|\s)(с|нет|без)\s+обход(ом|а)?(?=[\s.,:;]|$)/i },
	{ term: 'чекпойнт (checkpoint)', rival: /контрольн\S*\s+точк/i },
	{ term: 'выпущенная модель (released)', rival: /опубликованн\S*\s+модел/i },
	{ term: 'многообразие (manifold of interest)', rival: /многообрази\S*\s+интереса/i },
	{ term: 'случайные фрагменты (random crops)', rival: /вырезк/i },
	{
		term: 'MobileNet is feminine (сеть)',
		rival:
			/(^|\s)(нужен|свой|настоящий|иной|этот|какой|каждый|небольшой|полный)\s+MobileNet(?![sV\d])/i
	},
	{ term: 'маркер (plot handle)', rival: /(выберите|перетащите)\s+(метку|ручку)/i, where: 'ui' },
	{ term: 'squeeze-and-excite (UI)', rival: /сжатие\s+и\s+возбуждение/i, where: 'ui' },
	{ term: 'erratum titles name the kind, not «опечатка»', rival: /опечатк/i, where: 'ui' },
	{
		term: '«Впервые встречается:» (no «в уроке Урок N»)',
		rival: /встречается\s+в\s+уроке/i,
		where: 'ui'
	}
];

/** Every string of a message, variants included. */
const strings = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: Array.isArray(value) || (value !== null && typeof value === 'object')
			? Object.values(value as object).flatMap(strings)
			: [];

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

describe('terminology (ru): one term per concept in lessons, glossary and UI', () => {
	const messages = JSON.parse(readFileSync('messages/ru.json', 'utf8')) as Record<string, unknown>;
	const ui = Object.entries(messages).flatMap(([key, value]) =>
		strings(value).map((text) => ({ where: `messages:${key}`, text }))
	);
	const content = [
		...slugsOf('ru').map((slug) => ({ where: `${slug}.md`, text: lessonSource('ru', slug) })),
		{ where: 'glossary.json', text: readFileSync('content/ru/glossary.json', 'utf8') }
	];

	for (const { term, rival, where } of RUSSIAN_RIVALS) {
		it(`uses ${term}, not ${rival.source}`, () => {
			const texts = where === 'ui' ? ui : [...ui, ...content];
			const found = texts.filter(({ text }) => rival.test(text)).map(({ where: w }) => w);
			expect(found).toEqual([]);
		});
	}

	it('catches the rivals it was written for', () => {
		const samples = [
			'вывод на устройстве',
			'«заслонку» между 0 и 1',
			'атрусных свёрток',
			'извлекатель признаков',
			'две ручки настройки',
			'делает тоньше каждый слой',
			'или мельче',
			'Сложение с обходом',
			'официальная контрольная точка',
			'Значения опубликованных моделей',
			'«многообразии интереса»',
			'случайные вырезки',
			'Зачем нужен MobileNet',
			'Перетащите метку',
			'Сжатие и возбуждение (MobileNet V3)',
			'Опечатка в статье',
			'Впервые встречается в уроке'
		];
		samples.forEach((sample, i) =>
			expect(RUSSIAN_RIVALS[i]?.rival.test(sample), sample).toBe(true)
		);
	});
});
