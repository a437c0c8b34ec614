/**
 * Numbers as each language writes them, on every page of the built site once it has hydrated
 * (the lab and the animations print theirs in the browser): Chinese and Korean count millions in
 * 万/亿 and 만/억, never "569 百万" / "569백만" or "569M", and Russian nouns after a count take
 * the form the count asks for («72 канала», «5 каналов», «21 канал»).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildDir, launchBrowser } from './browser';

/**
 * Every prerendered page of a language, as a path. Not the presenter windows: they render the
 * deck's slides and the lesson's own text (the same components, with the same lesson context) that
 * the deck and reading pages checked here render.
 */
function pagesOf(lang: string): string[] {
	const paths: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const path = join(dir, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (entry === 'index.html' && !dir.endsWith('/presenter')) {
				paths.push(`/${relative(buildDir, dir)}/`);
			}
		}
	};
	walk(join(buildDir, lang));
	return paths.sort();
}

/** A number written with millions as its unit (569 百万, 569백만, 569M), in Chinese or Korean text. */
const MILLIONS = {
	zh: /\d(?:[\d,.]*\d)?\s?(?:百万|M(?![A-Za-z.=\]]))/g,
	ko: /\d(?:[\d,.]*\d)?\s?(?:백만|M(?![A-Za-z.=\]]))/g
};

/** The Russian nouns the UI and the lessons count, in the forms after 1, after 2–4 and after 5–20. */
const NOUNS: Record<string, Record<'one' | 'few' | 'many', string>> = {
	канал: { one: 'канал', few: 'канала', many: 'каналов' },
	параметр: { one: 'параметр', few: 'параметра', many: 'параметров' },
	слой: { one: 'слой', few: 'слоя', many: 'слоёв' },
	пиксель: { one: 'пиксель', few: 'пикселя', many: 'пикселей' },
	'умножение-сложение': {
		one: 'умножение-сложение',
		few: 'умножения-сложения',
		many: 'умножений-сложений'
	}
};
/** Each form, to the forms of its noun. */
const FORMS = new Map(
	Object.values(NOUNS).flatMap((forms) =>
		Object.values(forms).map((form) => [form, forms] as const)
	)
);
/**
 * Words that put the count after them in the genitive («из 22 каналов», «до 50, 101 и 152 слоёв»,
 * «0 / 1152 умножений-сложений»), where the forms above do not apply.
 */
const GENITIVE =
	/^(?:из|до|от|с|со|около|более|менее|больше|меньше|свыше|для|без|после|кроме|вместо|у|среди|порядка|\/)$/;
const COUNT = new RegExp(
	`(\\d(?:[\\d\\u00a0\\u202f ]*\\d)?)[\\s\\u00a0]+(${[...FORMS.keys()].join('|')})(?![а-яё-])`,
	'gu'
);
const russian = new Intl.PluralRules('ru');

/** Counts followed by a noun in the wrong form for that count, as «72 каналов». */
function wrongRussianCounts(text: string): string[] {
	const wrong: string[] = [];
	for (const match of text.matchAll(COUNT)) {
		const [phrase, digits = '', noun = ''] = match;
		const before = text.slice(Math.max(0, match.index - 40), match.index);
		// A decimal («0,5 канала»), a model's name («0.75-160»), a genitive a few words back.
		if (/[,.\-–]$/.test(before)) continue;
		const words = before.split(/[\s\u00a0]+/).filter((w) => w !== '' && !/^[\d,.и]+$/.test(w));
		if (words.slice(-2).some((word) => GENITIVE.test(word.replace(/^[(«]/, '')))) continue;
		const forms = FORMS.get(noun);
		const category = russian.select(Number(digits.replace(/\D/g, ''))) as 'one' | 'few' | 'many';
		if (forms && forms[category] !== noun) wrong.push(phrase);
	}
	return wrong;
}

/**
 * The page's text, hidden parts included (closed <details>, notes), without scripts, code or
 * formulas (M is a channel count there: "[56, 56, M]", $D_K^2 M$).
 */
async function pageText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const body = document.body.cloneNode(true) as HTMLElement;
		body
			.querySelectorAll('script, style, template, pre, code, .katex, math')
			.forEach((node) => node.remove());
		return body.textContent ?? '';
	});
}

/** Opens a page and waits until what it prints in the browser is there. */
async function openHydrated(page: Page, path: string): Promise<void> {
	await page.goto(inject('baseURL') + path);
	if (path.endsWith('/lab/'))
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
	// Pages hydrate in tasks after load: wait until the main thread has had an idle moment.
	await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 5000 })));
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
	browser = await launchBrowser();
	// No service worker: it would precache the whole site while the pages are read (see openPage).
	page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
});
afterAll(async () => {
	await browser?.close();
});

describe('numbers as each language writes them', () => {
	it('the checks catch what they look for', () => {
		expect('需要 569 百万次乘加运算'.match(MILLIONS.zh)).toEqual(['569 百万']);
		expect('파라미터 4.2백만 개, 곱셈-덧셈 569M회'.match(MILLIONS.ko)).toEqual(['4.2백만', '569M']);
		expect(
			'5.69 亿次，420 万个，1×1×M，64 MB，arXiv:1506.01497M. Sandler'.match(MILLIONS.zh)
		).toBeNull();
		expect(
			wrongRussianCounts('Карта признаков: 72 каналов; Блок 1: 16 → 24 каналов; 864 параметров')
		).toEqual(['72 каналов', '24 каналов', '864 параметров']);
		expect(
			wrongRussianCounts(
				'72 канала, 5 каналов, 21 канал, 111 каналов, 4608 умножений-сложений, 568 740 352 умножения-сложения, из 22 каналов, 0,5 канала, 224 × 224 пикселя, 28 слоёв, до 50, 101 и 152 слоёв, 512 из каждых 521 умножения-сложения, 0 / 1152 умножений-сложений, 0.75-160 умножения-сложения'
			)
		).toEqual([]);
	});

	for (const lang of ['zh', 'ko'] as const) {
		describe(`no ${lang} page writes a count in millions (百万, 백만, M)`, () => {
			for (const path of pagesOf(lang)) {
				it(path, async () => {
					await openHydrated(page, path);
					expect((await pageText(page)).match(MILLIONS[lang]) ?? []).toEqual([]);
				});
			}
		});
	}

	describe('no Russian page puts a counted noun in the wrong form', () => {
		for (const path of pagesOf('ru')) {
			it(path, async () => {
				await openHydrated(page, path);
				expect(wrongRussianCounts(await pageText(page))).toEqual([]);
			});
		}
	});
});
