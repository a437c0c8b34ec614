/**
 * The front door: where to start (lesson 1, the lab), the course with what each lesson offers,
 * what else the site does, in each language; accessible; and the lesson list says which lessons
 * have animations, calculators or code, as their sources do.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonFeatures } from '../../src/lib/lessons/features';
import { lessonFacts } from '../lesson-facts';
import { launchBrowser, openPage, screenshot } from './browser';
import { seriousA11yViolations } from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const animations = readdirSync('src/lib/components/viz')
	.filter((f) => f.endsWith('.svelte'))
	.map((f) => f.slice(0, -'.svelte'.length));
/** Each English lesson's features, in course order, from the lesson as the site compiles it. */
const expected = (
	await Promise.all(
		readdirSync('content/en')
			.filter((f) => f.endsWith('.md'))
			.map(async (f) => ({
				order: Number(/^order:\s*(\d+)/m.exec(readFileSync(`content/en/${f}`, 'utf8'))![1]),
				features: lessonFeatures(await lessonFacts('en', f.slice(0, -3)), animations).join(' ')
			}))
	)
)
	.sort((a, b) => a.order - b.order)
	.map((l) => l.features);

describe('the home page', () => {
	for (const [lang, viewport] of [
		['en', { width: 1366, height: 768 }],
		['ru', { width: 1366, height: 768 }],
		['en', { width: 390, height: 844 }],
		['ko', { width: 390, height: 844 }]
	] as const) {
		it(`${lang} ${viewport.width}: where to start is on the first screen; everything the site does is shown`, async () => {
			const { page, problems } = await openPage(browser, `/${lang}/`, { viewport });
			const start = page.locator('[data-testid="home-start"]');
			const lab = page.locator('[data-testid="home-lab"]');
			for (const button of [start, lab]) {
				const box = (await button.boundingBox())!;
				expect(box.y + box.height).toBeLessThan(viewport.height);
				expect(box.height).toBeGreaterThanOrEqual(44);
			}
			// The course, in order, each lesson with what its source offers.
			const features = await page.$$eval('[data-testid="home-course"] > li', (items) =>
				items.map(
					(li) =>
						li.querySelector('[data-testid="lesson-features"]')?.getAttribute('data-features') ?? ''
				)
			);
			expect(features).toEqual(expected);
			// Drawn from the engine: a column per layer of MobileNetV1 (the classifier aside).
			await expect(
				page.locator('[data-testid="home-strip"]').getAttribute('data-columns')
			).resolves.toBe('28');
			expect(
				Number(await page.locator('[data-testid="home-cost"]').getAttribute('data-ratio'))
			).toBeGreaterThan(8);
			await expect(page.locator('[data-testid="home-languages"] a').count()).resolves.toBe(4);
			await screenshot(page, `home-${lang}-${viewport.width}`);
			expect(problems.errors).toEqual([]);
			await page.context().close();
		});
	}

	for (const scheme of ['light', 'dark'] as const) {
		it(`has no serious or critical accessibility violation (${scheme})`, async () => {
			const { page } = await openPage(browser, '/en/', { bypassCSP: true, colorScheme: scheme });
			expect(await seriousA11yViolations(page)).toEqual([]);
			await page.context().close();
		});
	}

	it('"start" opens lesson 1; the lesson list marks the same features', async () => {
		const { page, problems } = await openPage(browser, '/zh/');
		await page.locator('[data-testid="home-start"]').click();
		await page.waitForURL(/\/zh\/learn\/[^/]+\/$/);
		await expect(page.locator('[data-testid="lesson"]').getAttribute('data-slug')).resolves.toBe(
			'why-mobilenet'
		);
		await page.goto(page.url().replace(/learn\/.*$/, 'learn/'));
		const listed = await page.$$eval('[data-testid="lesson-index"] > li', (items) =>
			items.map(
				(li) =>
					li.querySelector('[data-testid="lesson-features"]')?.getAttribute('data-features') ?? ''
			)
		);
		expect(listed).toEqual(expected);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});
