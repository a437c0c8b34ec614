/**
 * The lab on a 390 × 844 phone, reached by tapping from the home page: the sample photos are
 * near the top, the classes appear within a screen of the tapped photo, the network strip
 * follows, every control the path uses is a 44-pixel touch target, the enlarged channel opens on
 * screen and the layer table fits the width. Logs the scroll distances the issue asks for.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './browser';
import { settled } from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const phone = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2
};
const SCREEN = phone.viewport.height;

/** Top and bottom of the first element matching `selector`, in page coordinates. */
const extent = (page: Page, selector: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((el) => {
			const r = el.getBoundingClientRect();
			return { top: r.top + scrollY, bottom: r.bottom + scrollY };
		});

/** The smallest width and height among the elements matching `selector`. */
const smallest = (page: Page, selector: string) =>
	page.$$eval(selector, (els) => {
		const boxes = els
			.map((el) => el.getBoundingClientRect())
			.filter((r) => r.width > 0 && r.height > 0);
		return {
			count: boxes.length,
			width: Math.min(...boxes.map((r) => r.width)),
			height: Math.min(...boxes.map((r) => r.height))
		};
	});

describe('the lab on a phone', () => {
	for (const lang of ['en', 'zh'] as const) {
		it(`${lang}: photo → classes within a screen, strip next, 44 px targets`, async () => {
			const { page, problems } = await openPage(browser, `/${lang}/`, phone);
			await page.locator('[data-testid="home-lab"]').tap();
			await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
			await page.locator('[data-testid="alpha-input"]').fill('0.25');
			await page.locator('[data-testid="alpha-input"]').dispatchEvent('change');

			const live = await extent(page, '[data-testid="live"]');
			const samples = await extent(page, '[data-testid="sample"]');
			expect(live.top).toBeLessThan(SCREEN);
			expect(samples.bottom).toBeLessThan(1.5 * SCREEN);

			const sample = page.locator('[data-testid="sample"][data-sample="coffee.png"]');
			await sample.scrollIntoViewIfNeeded();
			await sample.tap();
			await settled(page, 'v1/0.25/224');
			const classes = await extent(page, '[data-testid="predictions"]');
			const tapped = await extent(page, '[data-testid="sample"]');
			// The classes end less than a screen below the photo the thumb just tapped.
			expect(classes.bottom - tapped.top).toBeLessThan(SCREEN);
			const strip = await extent(page, '[data-testid="network-strip"]');
			expect(strip.top - tapped.top).toBeLessThan(1.5 * SCREEN);
			console.log(
				`${lang} phone: live ${live.top.toFixed(0)} px (${(live.top / SCREEN).toFixed(2)} screens) from the top, ` +
					`samples at ${samples.top.toFixed(0)} px, tapped photo → end of top-5 ${(classes.bottom - tapped.top).toFixed(0)} px, ` +
					`→ strip ${(strip.top - tapped.top).toFixed(0)} px, page ${(await page.evaluate(() => document.documentElement.scrollHeight / innerHeight)).toFixed(2)} screens`
			);

			for (const selector of [
				'[data-testid="sample"]',
				'[data-testid="strip-layer"]',
				'[data-testid="layer-picker"]',
				'[data-testid="camera-start"]',
				'.segments label',
				'[data-testid="open-layer"]'
			]) {
				const size = await smallest(page, selector);
				expect(size.count, selector).toBeGreaterThan(0);
				expect(size.height, selector).toBeGreaterThanOrEqual(44);
				expect(size.width, selector).toBeGreaterThanOrEqual(44);
			}

			// The layer table fits the width: no sideways scrolling.
			await expect(
				page
					.locator('#layers [role="region"]')
					.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)
			).resolves.toBe(true);

			await page.locator('[data-testid="network-strip"][data-maps="true"]').waitFor();
			await screenshot(page, `lab-phone-${lang}`);
			const column = page.locator('[data-testid="strip-layer"][data-layer="conv_pw_1"]');
			await column.scrollIntoViewIfNeeded();
			await column.tap();
			const grid = page.locator('[data-testid="feature-map-grid"]');
			await grid.waitFor();
			await grid.scrollIntoViewIfNeeded();
			const box = (await grid.boundingBox())!;
			await page.touchscreen.tap(box.x + box.width * 0.9, box.y + box.height * 0.9);
			// The enlarged channel opens on screen, however tall the grid above it.
			const view = page.locator('[data-testid="channel-view"]');
			await view.waitFor();
			await expect
				.poll(() =>
					view.evaluate((el) => {
						const r = el.getBoundingClientRect();
						return r.top >= 0 && r.top < innerHeight;
					})
				)
				.toBe(true);
			expect(problems.errors).toEqual([]);
			await page.context().close();
		});
	}
});
