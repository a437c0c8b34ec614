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

/** More naming messages, for the languages whose review listed them (ko-review §3.3, zh-review §2.1, §5). */
const NAMING_MORE: Partial<Record<string, Record<string, string[]>>> = {
	zh: {
		'width-multiplier': ['lab_alpha_label', 'lesson_alpha_label'],
		'resolution-multiplier': ['lab_res_help'],
		'inverted-residual': ['anim_v2_title', 'home_lead', 'home_anim_text'],
		'expansion-factor': ['lesson_col_t'],
		stride: ['lab_col_kernel', 'lesson_col_type_stride', 'lesson_col_s', 'anim_block_option'],
		'squeeze-and-excite': ['lab_kind_se', 'anim_explore_se', 'home_lead', 'lab_link_se'],
		'hard-sigmoid': ['anim_explore_se', 'anim_se_stage_gate'],
		'residual-connection': ['strip_legend_skip'],
		'batch-normalization': ['lab_params_keras_help', 'patch_note']
	},
	ko: {
		'width-multiplier': ['lab_alpha_label', 'lesson_alpha_label', 'cell_playground_charts'],
		'resolution-multiplier': ['lab_res_help'],
		'inverted-residual': ['anim_v2_title'],
		'squeeze-and-excite': ['anim_se_title', 'lab_kind_se', 'lab_link_se'],
		'hard-sigmoid': ['anim_se_stage_gate'],
		'residual-connection': ['strip_legend_skip'],
		parameter: ['lab_col_params', 'anim_chart_params'],
		'fully-connected-layer': ['anim_explore_se']
	}
};

/** Names the UI once used beside the lessons' term. */
const RIVALS: Partial<Record<string, RegExp>> = {
	ru: /(?<!разделим\S* )по глубине/i,
	zh: /逐通道卷积|倒残差(?:结构|模块)|扩展系数|步长|乘加运算量|硬 ?sigmoid|h-sigmoid|计算引擎|网络结构引擎|深度乘数|squeeze-and-excite|精度|少 ?\{\w+\} ?倍|百万|节课|单元格/,
	// α/ρ are 승수, a lesson is a 단원 in a 강좌, the lab is 실습실 and the playground 코드 연습장,
	// the UI says 신경망 (the lessons keep 네트워크 for a communications network), a shortcut is 숏컷.
	ko: /너비 배수|해상도 배수|폭 승수|매개변수|역 잔차|완전 연결층|실험실|실습장|레슨|\{n\}강|\d강(?![가-힣])|강의 목록|네트워크|지름길|h-sigmoid|squeeze-and-excite|휴대폰|로그 눈금/
};

/**
 * Rival names in the lesson prose, and in the glossary where `GLOSSARY_ALIASES` does not hold
 * for the language (the Chinese glossary lists the rivals as aliases, by design). Chinese: 步长
 * only where lesson 2 gives it as the other name of 步幅; 精度 stays legal in lessons for numeric
 * precision.
 */
const LESSON_RIVALS: Partial<Record<string, RegExp>> = {
	zh: /逐通道卷积|倒残差(?:结构|模块)|扩展系数|(?<!叫“)步长|乘加运算量|硬 ?sigmoid|h-sigmoid|计算引擎|网络结构引擎|深度乘数|深度分离卷积|\d\s*百万/,
	ko: /너비 배수|해상도 배수|폭 승수|매개변수|역 잔차|완전 연결층|실험실|실습장|레슨|\d강(?![가-힣])|지름길|계수\(rank\)|가장자리\(edge\)|L_2\$ 정규화|로그 눈금|\d\s?백만/
};

/** Languages whose glossary names rival terms on purpose, as aliases a reader may search for. */
const GLOSSARY_ALIASES = new Set(['zh']);

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

		for (const [id, keys] of Object.entries({ ...NAMING, ...NAMING_MORE[lang] })) {
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

		it('uses no rival name in the UI', () => {
			const rival = RIVALS[lang];
			const found = Object.entries(messages).filter(([, value]) =>
				rival?.test(typeof value === 'string' ? value : JSON.stringify(value))
			);
			expect(found).toEqual([]);
		});

		it.runIf(LESSON_RIVALS[lang])('uses no rival name in the lessons or the glossary', () => {
			const rival = new RegExp(LESSON_RIVALS[lang] ?? /$^/, 'g');
			const texts = [
				...slugsOf(lang).map((slug) => [slug, lessonSource(lang, slug)]),
				...(GLOSSARY_ALIASES.has(lang) ? [] : [['glossary', readFileSync(file, 'utf8')]])
			];
			const found = texts.flatMap(([name, text]) =>
				[...(text ?? '').matchAll(rival)].map((match) => `${name}: ${match[0]}`)
			);
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
