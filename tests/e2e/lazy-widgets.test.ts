import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { standardConvCost } from '../../src/lib/architecture/costs';
import { closeRouted, launchBrowser, trackProblems } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/**
 * Holds back the scripts that hold a widget (recognised by a test hook in their code) until
 * `release()`, and tells when the page has asked for each.
 */
function holdWidgetCode(markers: string[]) {
	const held: Route[] = [];
	const asked = new Set<string>();
	let released = false;
	const handler = async (route: Route) => {
		const response = await route.fetch();
		const body = await response.text();
		const marker = markers.find((m) => body.includes(`"${m}"`));
		if (!marker || released) return route.fulfill({ response, body });
		asked.add(marker);
		held.push(route);
	};
	return {
		handler,
		asked,
		async release() {
			released = true;
			// Fetched again on release: a held route can be answered only once.
			for (const route of held.splice(0)) {
				const response = await route.fetch();
				await route.fulfill({ response });
			}
		}
	};
}

describe('lesson widgets load their code only when needed', () => {
	it('answers what the reader typed and clicked before its code arrived', async () => {
		const hold = holdWidgetCode(['cost-calculator', 'conv-animation']);
		const context = await browser.newContext({
			viewport: { width: 1280, height: 900 },
			reducedMotion: 'reduce'
		});
		await context.route('**/_app/immutable/**/*.js', hold.handler);
		const page = await context.newPage();
		const base = inject('baseURL');
		const problems = trackProblems(page, new URL(base).origin);
		await page.goto(`${base}/en/learn/depthwise-separable-convolution/`);
		// The page has hydrated and, idle, asks for the widgets' code: held back here.
		await expect.poll(() => hold.asked.size, { timeout: 20_000 }).toBe(2);

		const calculator = page.getByTestId('cost-calculator');
		const value = async (testid: string) =>
			Number(await calculator.getByTestId(testid).getAttribute('data-value'));
		const read = async (name: string) =>
			Number(await calculator.getByTestId(`calc-${name}`).inputValue());
		const [dk, m, df] = [await read('dk'), await read('m'), await read('df')];
		const prerendered = await value('calc-standard');
		expect(prerendered).toBe(standardConvCost(dk, m, await read('n'), df));
		await calculator.getByTestId('calc-n').fill('64');
		const play = page.locator('[data-testid="conv-animation"]').first().getByTestId('anim-play');
		await play.click();
		// Without its code the widget cannot answer yet: still the prerendered numbers.
		expect(await value('calc-standard')).toBe(prerendered);
		await expect(play.getAttribute('aria-pressed')).resolves.toBe('false');

		await hold.release();
		// Each widget then hydrates in a task of its own, as the page's idle time allows: on a busy
		// machine that takes longer than the default ten seconds for both.
		await expect
			.poll(() => value('calc-standard'), { timeout: 20_000 })
			.toBe(standardConvCost(dk, m, 64, df));
		await expect.poll(() => play.getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('true');
		await expect(calculator.getByTestId('calc-n').inputValue()).resolves.toBe('64');
		expect(problems.errors).toEqual([]);
		await closeRouted(page);
	});

	it('styles the prerendered widgets before their code arrives, and without any script', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.route('**/*.js', (route) => route.abort());
		const page = await context.newPage();
		await page.goto(`${inject('baseURL')}/en/learn/depthwise-separable-convolution/`);
		await page.getByTestId('cost-calculator').waitFor();
		// Svelte marks an element with its component's scope class only where that component's
		// stylesheet has rules for it: every such class on the page must have its rules loaded.
		const unstyled = await page.evaluate(() => {
			const rules: string[] = [];
			const walk = (list: CSSRuleList) => {
				for (const rule of list) {
					if (rule instanceof CSSStyleRule) rules.push(rule.selectorText);
					if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
				}
			};
			for (const sheet of document.styleSheets) walk(sheet.cssRules);
			const styled = new Set(rules.join(' ').match(/svelte-[a-z0-9]+/g));
			const used = new Set(
				[...document.querySelectorAll('[class*="svelte-"]')].flatMap((el) =>
					[...el.classList].filter((name) => /^svelte-[a-z0-9]+$/.test(name))
				)
			);
			return [...used].filter((name) => !styled.has(name));
		});
		expect(unstyled).toEqual([]);
		// The animation's size fields sit in a row, as its stylesheet lays them out.
		const sizes = page
			.locator('[data-testid="conv-animation"]')
			.first()
			.locator('fieldset')
			.first();
		await expect(sizes.evaluate((el) => getComputedStyle(el).display)).resolves.toBe('flex');
		await context.close();
	});

	it('opened from outside the site, a lesson is its prerendered HTML, never its code; a link inside the site mounts the next', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const base = inject('baseURL');
		const problems = trackProblems(page, new URL(base).origin);
		// A compiled lesson's chunk is the one script with its slide titles in its metadata.
		const lessonChunks: string[] = [];
		page.on('response', async (response) => {
			if (!response.url().endsWith('.js')) return;
			const body = await response.text().catch(() => '');
			if (body.includes('slideTitles:[')) lessonChunks.push(response.url());
		});
		// The prose's nodes (widgets aside) as the server wrote them, before any script runs.
		await page.addInitScript(() => {
			document.addEventListener('DOMContentLoaded', () => {
				const marked = [...document.querySelectorAll('.lesson-prose *')].filter(
					(el) => !el.closest('.island[data-widget]')
				);
				(window as unknown as { marked: Element[] }).marked = marked;
			});
		});
		await page.goto(`${base}/en/learn/standard-convolution/`);
		// Every widget near the reader hydrates: scroll the lesson through, then use one.
		const height = await page.evaluate(() => document.body.scrollHeight);
		for (let y = 0; y < height; y += 600) await page.mouse.wheel(0, 600);
		const play = page.locator('[data-testid="conv-animation"]').first().getByTestId('anim-play');
		await play.scrollIntoViewIfNeeded();
		await expect
			.poll(async () => {
				await play.click();
				return play.getAttribute('aria-pressed');
			})
			.toBe('true');
		await page.waitForLoadState('networkidle');
		// The page's hydration adopted the prose as the server wrote it (LessonProse's empty div:
		// see CONTRIBUTING.md), and each island's hydration left it alone: no node was replaced.
		const kept = await page.evaluate(() => {
			const marked = (window as unknown as { marked: Element[] }).marked;
			return { marked: marked.length, lost: marked.filter((el) => !el.isConnected).length };
		});
		expect(kept.marked).toBeGreaterThan(1000);
		expect(kept.lost).toBe(0);
		expect(lessonChunks).toEqual([]);

		// "Next" is a link inside the site: the next lesson's code loads and renders it.
		await page.getByTestId('lesson-next').click();
		await page.waitForURL('**/en/learn/depthwise-separable-convolution/');
		await expect.poll(() => lessonChunks.length).toBe(1);
		const calculator = page.getByTestId('cost-calculator');
		await calculator.getByTestId('calc-n').fill('64');
		await expect
			.poll(async () =>
				Number(await calculator.getByTestId('calc-standard').getAttribute('data-value'))
			)
			.toBe(standardConvCost(3, 16, 64, 56));
		await expect(page.locator('[data-testid="term"]').count()).resolves.toBeGreaterThan(0);
		// Its display equations are scroll regions, measured as the reader reaches each.
		const equation = page.locator('#eq-separable-cost .katex-display');
		await equation.scrollIntoViewIfNeeded();
		await expect.poll(() => equation.getAttribute('data-hidden')).toBe('none');
		expect(problems.errors).toEqual([]);
		await context.close();
	});
});
