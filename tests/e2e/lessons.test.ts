import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildDir, launchBrowser, openPage, screenshot } from './browser';
import { seriousA11yViolations } from './live-helpers';
import {
	depthwiseConvCost,
	pointwiseConvCost,
	separableConvCost,
	separableConvParams,
	standardConvCost,
	standardConvParams
} from '../../src/lib/architecture/costs';
import { mobilenetV1 } from '../../src/lib/architecture/v1';
import { languages } from '../../scripts/lib/languages.js';

type Lang = (typeof languages)[number];

const slugs = readdirSync('content/en')
	.filter((file) => file.endsWith('.md'))
	.map((file) => file.slice(0, -3));

/** The title a lesson page must show: its own language's, or English while untranslated. */
function titleOf(lang: Lang, slug: string): string {
	const own = `content/${lang}/${slug}.md`;
	const source = readFileSync(existsSync(own) ? own : `content/en/${slug}.md`, 'utf8');
	const title = /^title:\s*(.+)$/m.exec(source)?.[1]?.trim() ?? '';
	return title.replace(/^(['"])(.*)\1$/, '$2');
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Text of an output, with grouping separators and spaces removed, as a number. */
async function readNumber(page: Page, testid: string): Promise<number> {
	const text = (await page.getByTestId(testid).textContent()) ?? '';
	return Number(text.replace(/[^\d.]/g, ''));
}

/** Lessons in course order (their `order` in the English frontmatter). */
const ordered = slugs
	.map((slug) => ({
		slug,
		order: Number(/^order:\s*(\d+)/m.exec(readFileSync(`content/en/${slug}.md`, 'utf8'))?.[1])
	}))
	.sort((a, b) => a.order - b.order)
	.map(({ slug }) => slug);

describe('lesson pages', () => {
	// A reader's walk through the course, in each language: from the lesson list to the first
	// lesson, then "next" to the last, each lesson rendered by the client as it is reached.
	for (const lang of languages) {
		it(`${lang}: every lesson, reached by "next", renders its title, its equations and no KaTeX error`, async () => {
			const { page, problems } = await openPage(browser, `/${lang}/learn/`);
			await page.locator('[data-testid="lesson-index"] a').first().click();
			for (const [k, slug] of ordered.entries()) {
				// "Next" taken from the keyboard: after a client-side navigation the lesson's sections
				// and widgets take their real heights as they render, and the link at the bottom moves,
				// so a click aimed where it was can land on a widget. Focus follows the link.
				if (k > 0) await page.getByTestId('lesson-next').press('Enter');
				// The address changes as the router commits; the lesson is there once its title is.
				await page.waitForURL(new RegExp(`/${lang}/learn/${slug}/$`), { waitUntil: 'commit' });
				await expect
					.poll(() => page.locator('h1').textContent(), { message: slug, timeout: 15_000 })
					.toBe(titleOf(lang, slug));
				const article = page.getByTestId('lesson');
				expect(await article.locator('.katex').count(), slug).toBeGreaterThan(0);
				expect(await article.locator('.katex-mathml math').count(), slug).toBeGreaterThan(0);
				expect(await page.locator('.katex-error').count(), slug).toBe(0);
				expect(await article.locator('.equation').count(), slug).toBeGreaterThan(0);
				// Table of contents entries point at headings that exist.
				const targets = await page
					.locator('.toc-wide a')
					.evaluateAll((links) =>
						links.map((a) => document.getElementById(a.getAttribute('href')!.slice(1)) !== null)
					);
				expect(targets.length, slug).toBeGreaterThan(2);
				expect(targets.every(Boolean), slug).toBe(true);
			}
			await expect(page.getByTestId('lesson-next').count()).resolves.toBe(0);
			expect(problems.errors).toEqual([]);
			expect(problems.foreignRequests).toEqual([]);
			await page.context().close();
		});
	}

	it('KaTeX fonts are served by the site and used', async () => {
		const { page, problems } = await openPage(
			browser,
			'/en/learn/depthwise-separable-convolution/'
		);
		const fontRequests: string[] = [];
		page.on('requestfinished', (request) => {
			if (request.resourceType() === 'font') fontRequests.push(request.url());
		});
		await page.reload();
		await page.evaluate(() => document.fonts.ready);
		const family = await page
			.locator('.katex .mord.mathnormal')
			.first()
			.evaluate((el) => getComputedStyle(el).fontFamily);
		expect(family).toContain('KaTeX_Math');
		expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
		expect(fontRequests.some((url) => /KaTeX_.*\.woff2$/.test(url))).toBe(true);
		expect(problems.foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('loads no tfjs on a lesson page', async () => {
		const { page } = await openPage(browser, '/en/learn/width-and-resolution/');
		await page.waitForLoadState('networkidle');
		const scripts = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((entry) => entry.name)
				.filter((name) => name.endsWith('.js'))
		);
		expect(scripts.length).toBeGreaterThan(0);
		for (const url of scripts) {
			const body = await (await fetch(url)).text();
			// Flags tfjs registers when it loads (UI strings that mention tfjs do not count).
			expect(body, url).not.toMatch(/tfjsflags|['"]IS_BROWSER['"]/);
		}
		await page.context().close();
	});

	it('the language switcher keeps the lesson and the section', async () => {
		const { page } = await openPage(
			browser,
			'/en/learn/depthwise-separable-convolution/#cost-ratio'
		);
		// The switcher adds the hash at click time, once the page is hydrated. A click before that
		// follows the plain link to the lesson without the section: go back and click again.
		const korean = /\/ko\/learn\/depthwise-separable-convolution\/(#cost-ratio)?$/;
		for (let attempt = 0; attempt < 10; attempt++) {
			await page.waitForLoadState('networkidle');
			await page.locator('[data-testid="language-switcher"] a[data-lang="ko"]').click();
			await page.waitForURL(korean);
			if (page.url().endsWith('#cost-ratio')) break;
			await page.goBack();
		}
		expect(page.url()).toMatch(/\/ko\/learn\/depthwise-separable-convolution\/#cost-ratio$/);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
		await expect(page.locator('h1').textContent()).resolves.toBe(
			titleOf('ko', 'depthwise-separable-convolution')
		);
		await expect(page.locator('#cost-ratio').count()).resolves.toBe(1);
		await page.context().close();
	});

	it('the index lists every lesson in order; previous and next walk the course', async () => {
		const { page, problems } = await openPage(browser, '/en/learn/');
		const titles = await page.locator('[data-testid="lesson-index"] .title').allTextContents();
		expect(titles).toEqual(ordered.map((slug) => titleOf('en', slug)));
		await page.locator('[data-testid="lesson-index"] a').first().click();
		await page.waitForURL(new RegExp(`/en/learn/${ordered[0]}/$`));
		await expect(page.getByTestId('lesson-previous').count()).resolves.toBe(0);
		// From the keyboard, as in the walk above: the link moves while the lesson settles.
		await page.getByTestId('lesson-next').press('Enter');
		await page.waitForURL(new RegExp(`/en/learn/${ordered[1]}/$`));
		await expect(page.locator('h1').textContent()).resolves.toBe(titleOf('en', ordered[1]!));
		// Client-side navigation rendered the next lesson's own equations.
		expect(await page.getByTestId('lesson').locator('.katex').count()).toBeGreaterThan(0);
		expect(problems.errors).toEqual([]);
		await screenshot(page, 'lessons-index-en');
		await page.context().close();
	});

	it('the glossary links back to where a term first appears', async () => {
		// The term's own popover and its link to the glossary: glossary-popover.test.ts.
		const { page, problems } = await openPage(browser, '/en/glossary/');
		const entry = page.locator('#depthwise-convolution');
		await expect(entry.locator('dt').textContent()).resolves.toBe('depthwise convolution');
		await entry.locator('.first a').click();
		await page.waitForURL(
			/\/en\/learn\/depthwise-separable-convolution\/#term-depthwise-convolution$/
		);
		await expect(
			page.locator('#term-depthwise-convolution').getAttribute('data-term')
		).resolves.toBe('depthwise-convolution');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});

describe('the cost calculator (lesson 3)', () => {
	async function setInput(page: Page, name: string, value: string) {
		const input = page.getByTestId(`calc-${name}`);
		await input.fill(value);
	}

	it('recomputes every line when an input changes, matching the formulas', async () => {
		const { page, problems } = await openPage(
			browser,
			'/en/learn/depthwise-separable-convolution/'
		);
		await page.waitForLoadState('networkidle');
		const calc = page.getByTestId('cost-calculator');
		await calc.scrollIntoViewIfNeeded();
		const cases = [
			{ dk: 3, m: 16, n: 32, df: 56 },
			{ dk: 5, m: 24, n: 40, df: 28 },
			{ dk: 3, m: 512, n: 512, df: 14 },
			{ dk: 7, m: 1, n: 1, df: 1 }
		];
		for (const c of cases) {
			for (const [name, value] of Object.entries(c)) await setInput(page, name, String(value));
			const standard = standardConvCost(c.dk, c.m, c.n, c.df);
			const separable = separableConvCost(c.dk, c.m, c.n, c.df);
			// The widget may still be hydrating: wait for the inputs to take, as a reader would.
			await expect.poll(() => readNumber(page, 'calc-standard')).toBe(standard);
			expect(await readNumber(page, 'calc-depthwise')).toBe(depthwiseConvCost(c.dk, c.m, c.df));
			expect(await readNumber(page, 'calc-pointwise')).toBe(pointwiseConvCost(c.m, c.n, c.df));
			expect(await readNumber(page, 'calc-separable')).toBe(separable);
			expect(await readNumber(page, 'calc-params-standard')).toBe(
				standardConvParams(c.dk, c.m, c.n)
			);
			expect(await readNumber(page, 'calc-params-separable')).toBe(
				separableConvParams(c.dk, c.m, c.n)
			);
			// The ratio of the totals is the paper's 1/N + 1/D_K²: exactly in data-value, to the
			// printed decimals in the text.
			const exact = async (testid: string) =>
				Number(await page.getByTestId(testid).getAttribute('data-value'));
			expect(await exact('calc-ratio')).toBeCloseTo(separable / standard, 12);
			expect(await exact('calc-ratio')).toBeCloseTo(1 / c.n + 1 / (c.dk * c.dk), 12);
			expect(await exact('calc-inv-n')).toBeCloseTo(1 / c.n, 12);
			expect(await exact('calc-inv-dk2')).toBeCloseTo(1 / (c.dk * c.dk), 12);
			expect(await readNumber(page, 'calc-ratio')).toBeCloseTo(separable / standard, 3);
			expect(await readNumber(page, 'calc-inv-n')).toBeCloseTo(1 / c.n, 3);
			expect(await readNumber(page, 'calc-speedup')).toBeCloseTo(standard / separable, 2);
		}
		await screenshot(page, 'lesson3-calculator-en');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('flags bad input at its field and keeps the last valid value', async () => {
		const { page, problems } = await openPage(
			browser,
			'/en/learn/depthwise-separable-convolution/'
		);
		await page.waitForLoadState('networkidle');
		await setInput(page, 'n', '64');
		const before = standardConvCost(3, 16, 64, 56);
		await expect.poll(() => readNumber(page, 'calc-standard')).toBe(before);
		for (const bad of ['', '2.5', '0', '100000']) {
			await setInput(page, 'n', bad);
			await expect(page.getByTestId('calc-n').getAttribute('aria-invalid')).resolves.toBe('true');
			const error = page.locator('.calculator .error[role="alert"]');
			await expect(error.count()).resolves.toBe(1);
			expect(await error.textContent()).toContain('64');
			expect(await readNumber(page, 'calc-standard')).toBe(before);
		}
		await setInput(page, 'n', '128');
		await expect.poll(() => page.locator('.calculator .error').count()).toBe(0);
		await expect.poll(() => readNumber(page, 'calc-standard')).toBe(before * 2);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});

describe('widgets that read the engine', () => {
	it('lesson 5 renders Table 1 from the engine, with the stride erratum', async () => {
		const { page, problems } = await openPage(browser, '/en/learn/mobilenet-v1/');
		const table = page.locator('[data-testid="architecture-table"][data-net="v1"]').first();
		const spec = mobilenetV1();
		const total = Number(await table.getByTestId('table-total-macs').getAttribute('data-value'));
		expect(total).toBe(spec.totals.macs);
		await expect(
			table.locator('tr[data-layer="conv_dw_13"] .printed').textContent()
		).resolves.toContain('s2');
		await expect(table.locator('tr.repeat').count()).resolves.toBe(2);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('lesson 6 chart marks the chosen model and links to the lab with it', async () => {
		const { page, problems } = await openPage(browser, '/en/learn/width-and-resolution/');
		await page.waitForLoadState('networkidle');
		const chart = page.getByTestId('accuracy-chart');
		await expect(chart.getByTestId('chart-point').count()).resolves.toBe(16);
		const current = async () =>
			Number(await chart.getByTestId('chart-current').getAttribute('data-macs'));
		// The lesson starts the chart at α = 0.5, 160 × 160: a checkpoint.
		expect(await current()).toBe(mobilenetV1(0.5, 160).totals.macs);
		await expect(chart.locator('circle.selected').count()).resolves.toBe(1);
		// Keyboard: one step of 0.05 up is 0.55, not a checkpoint: no point is ringed.
		await chart.getByTestId('model-alpha').focus();
		await page.keyboard.press('ArrowRight');
		expect(await current()).toBe(mobilenetV1(0.55, 160).totals.macs);
		await expect(chart.locator('circle.selected').count()).resolves.toBe(0);
		// Four more steps make 0.75, and four steps of 16 px take 160 to 224.
		for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
		await chart.getByTestId('model-res').focus();
		for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
		expect(await current()).toBe(mobilenetV1(0.75, 224).totals.macs);
		await expect(chart.locator('circle.selected').count()).resolves.toBe(1);
		await expect(chart.getByTestId('chart-lab-link').getAttribute('href')).resolves.toMatch(
			/\/en\/lab\/\?version=v1&alpha=0\.75&res=224$/
		);
		await screenshot(page, 'lesson6-chart-en');
		await expect.poll(() => chartLabelOverlaps(chart)).toEqual([]);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('lesson 6 chart labels overlap no other label, no point, not the legend and not the chosen line', async () => {
		for (const [lang, viewport] of [
			['ru', { width: 1366, height: 768 }],
			['zh', { width: 1024, height: 768 }],
			['ko', { width: 390, height: 844 }]
		] as const) {
			const { page, problems } = await openPage(browser, `/${lang}/learn/width-and-resolution/`, {
				viewport
			});
			const chart = page.getByTestId('accuracy-chart');
			await chart.scrollIntoViewIfNeeded();
			// The lesson starts at α = 0.5, 160: move to α = 0.75, 128, where the checkpoints crowd.
			await chart.getByTestId('model-alpha').focus();
			for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
			await chart.getByTestId('model-res').focus();
			for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
			await expect
				.poll(() => chart.getByTestId('chart-current').getAttribute('data-macs'))
				.toBe(String(mobilenetV1(0.75, 128).totals.macs));
			await expect
				.poll(() => chartLabelOverlaps(chart), { message: `${lang} ${viewport.width}` })
				.toEqual([]);
			// On a phone only the chosen model's resolution is written; elsewhere every one of the 16.
			await expect(chart.locator('text.res').count()).resolves.toBe(viewport.width < 500 ? 1 : 16);
			expect(problems.errors).toEqual([]);
			await page.context().close();
		}
	});
});

/**
 * The accuracy chart's resolution labels that overlap another label, any point, the legend or the
 * chosen model's line, by more than half a pixel, as drawn on screen.
 */
function chartLabelOverlaps(chart: ReturnType<Page['getByTestId']>): Promise<string[]> {
	return chart.evaluate((figure) => {
		const box = (el: Element) => el.getBoundingClientRect();
		const hit = (a: DOMRect, b: DOMRect) =>
			Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
			Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
		const labels = [...figure.querySelectorAll('text.res')];
		const others = [
			...[...figure.querySelectorAll('[data-testid="chart-point"] circle')].map((c) => ({
				name: `point ${c.parentElement?.getAttribute('data-alpha')}/${c.parentElement?.getAttribute('data-res')}`,
				rect: box(c)
			})),
			...[...figure.querySelectorAll('.legend text, .legend circle')].map((t) => ({
				name: `legend ${t.textContent || t.tagName}`,
				rect: box(t)
			})),
			// The chosen model's dashed line, as wide as its stroke.
			...[...figure.querySelectorAll('[data-testid="chart-current"] line')].map((line) => {
				const { x, y, height } = box(line);
				const scale = (line as SVGGraphicsElement).getScreenCTM()?.a ?? 1;
				const stroke = parseFloat(getComputedStyle(line).strokeWidth) * scale;
				return { name: 'the chosen line', rect: new DOMRect(x - stroke / 2, y, stroke, height) };
			})
		];
		const found: string[] = [];
		labels.forEach((label, i) => {
			const rect = box(label);
			labels.forEach((other, j) => {
				if (j > i && hit(rect, box(other))) {
					found.push(`${label.textContent} × ${other.textContent}`);
				}
			});
			for (const other of others) {
				if (hit(rect, other.rect)) found.push(`${label.textContent} × ${other.name}`);
			}
		});
		return found;
	});
}

/** Every .html file under a folder. */
function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return htmlFiles(path);
		return name.endsWith('.html') ? [path] : [];
	});
}

describe('built pages', () => {
	it('no page of the built site holds a KaTeX error or unrendered display math', () => {
		const files = htmlFiles(buildDir);
		const lessonFiles = files.filter((file) => file.includes('/learn/'));
		expect(lessonFiles.length).toBeGreaterThanOrEqual(languages.length * slugs.length);
		for (const file of files) {
			const html = readFileSync(file, 'utf8');
			expect(html, file).not.toContain('katex-error');
			// Text outside tags: no leftover $$ from math that never reached KaTeX.
			const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
			expect(text, file).not.toContain('$$');
		}
	});
});

describe('accessibility (axe-core)', () => {
	const pages = [
		...slugs.map((slug) => `/en/learn/${slug}/`),
		...languages.filter((l) => l !== 'en').map((lang) => `/${lang}/learn/${slugs[0]}/`),
		'/en/learn/',
		'/en/glossary/',
		'/zh/learn/depthwise-separable-convolution/'
	];
	for (const path of pages) {
		it(`${path} has no serious or critical violation`, async () => {
			// axe is injected as an inline script, which the site's CSP (rightly) forbids.
			const { page } = await openPage(browser, path, { bypassCSP: true });
			expect(await seriousA11yViolations(page)).toEqual([]);
			await page.context().close();
		});
	}
});

describe('reading quality', () => {
	it('screenshots: light and dark on a desktop, and a phone', async () => {
		for (const scheme of ['light', 'dark'] as const) {
			const { page, problems } = await openPage(
				browser,
				'/en/learn/depthwise-separable-convolution/',
				{
					colorScheme: scheme
				}
			);
			await screenshot(page, `lesson3-${scheme}`);
			expect(problems.errors).toEqual([]);
			await page.context().close();
		}
		const { page } = await openPage(browser, '/en/learn/standard-convolution/', {
			viewport: { width: 390, height: 844 },
			deviceScaleFactor: 2,
			isMobile: true,
			hasTouch: true
		});
		// Nothing overflows the phone's width.
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await screenshot(page, 'lesson2-phone');
		await page.context().close();
	});

	it('respects prefers-reduced-motion and prints without navigation', async () => {
		const { page } = await openPage(browser, '/en/learn/why-mobilenet/', {
			reducedMotion: 'reduce'
		});
		const duration = await page
			.locator('[data-testid="model-size-chart"] .bar')
			.first()
			.evaluate((el) => getComputedStyle(el).transitionDuration);
		expect(parseFloat(duration)).toBeLessThan(0.001);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.toc-wide').isVisible()).resolves.toBe(false);
		await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
		await expect(page.locator('.notes').first().isVisible()).resolves.toBe(false);
		await page.context().close();
	});
});
