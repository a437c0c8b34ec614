/**
 * A glossary term in a lesson shows its definition without leaving the lesson: on hover, on
 * keyboard focus (Escape closes it), on a tap (a tap elsewhere closes it), with a link to the
 * glossary entry; the definition is the term's accessible description.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshotView } from './browser';
import { seriousA11yViolations } from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const LESSON = '/en/learn/depthwise-separable-convolution/';
const term = (page: Page) =>
	page.locator('[data-testid="term"][data-term="depthwise-convolution"]');
const popover = (page: Page) => page.locator('#def-depthwise-convolution');
const isOpen = (page: Page) => popover(page).evaluate((el) => el.matches(':popover-open'));

/** The lesson body has hydrated (the terms' handlers are attached). */
async function hydrated(page: Page) {
	await page.waitForLoadState('networkidle');
	await term(page).waitFor();
}

describe('glossary popovers', () => {
	it('hover shows the definition next to the term; moving away hides it', async () => {
		const { page, problems } = await openPage(browser, LESSON);
		await hydrated(page);
		await term(page).scrollIntoViewIfNeeded();
		await term(page).hover();
		await expect.poll(() => isOpen(page)).toBe(true);
		await expect(popover(page).textContent()).resolves.toContain('filter per input channel');
		// Placed at the term (under it, or above it when the term is low on the screen), not in
		// the middle of the screen.
		await expect
			.poll(async () => {
				const [t, p] = await Promise.all([term(page).boundingBox(), popover(page).boundingBox()]);
				const gapBelow = Math.abs(p!.y - (t!.y + t!.height));
				const gapAbove = Math.abs(t!.y - (p!.y + p!.height));
				return Math.min(gapBelow, gapAbove);
			})
			.toBeLessThan(12);
		await screenshotView(page, 'term-popover-hover');
		await page.mouse.move(5, 5);
		await expect.poll(() => isOpen(page)).toBe(false);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('keyboard: focus shows it, it is the description, Escape closes it, Tab reaches its link', async () => {
		const { page, problems } = await openPage(browser, LESSON, { bypassCSP: true });
		await hydrated(page);
		// Keyboard focus (no pointer has touched the page) shows the definition.
		await term(page).focus();
		await expect.poll(() => isOpen(page)).toBe(true);
		const description = await page.evaluate(async () => {
			const el = document.querySelector('[data-term="depthwise-convolution"]')!;
			const ids = el.getAttribute('aria-describedby')!.split(' ');
			return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
		});
		expect(description).toContain('filter per input channel');
		expect(await seriousA11yViolations(page)).toEqual([]);

		await page.keyboard.press('Escape');
		await expect.poll(() => isOpen(page)).toBe(false);
		await expect(
			page.evaluate(() => document.activeElement?.getAttribute('data-term'))
		).resolves.toBe('depthwise-convolution');

		// Open again, move into the popover, follow its link to the glossary.
		await page.keyboard.press('Enter');
		await expect.poll(() => isOpen(page)).toBe(true);
		await page.keyboard.press('Tab');
		await expect(
			page.evaluate(() => document.activeElement?.closest('[popover]')?.id)
		).resolves.toBe('def-depthwise-convolution');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/en\/glossary\/#depthwise-convolution$/);
		const entry = page.locator('#depthwise-convolution');
		await entry.locator('.first a').click();
		await page.waitForURL(
			/\/en\/learn\/depthwise-separable-convolution\/#term-depthwise-convolution$/
		);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('a tap opens it and keeps it open; a tap elsewhere closes it (phone)', async () => {
		const { page, problems } = await openPage(browser, LESSON, {
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		await hydrated(page);
		await term(page).scrollIntoViewIfNeeded();
		await term(page).tap();
		await expect.poll(() => isOpen(page)).toBe(true);
		// On screen, within the phone's width.
		const box = (await popover(page).boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		await screenshotView(page, 'term-popover-phone');
		// Still the lesson: nothing navigated.
		expect(page.url()).toMatch(/depthwise-separable-convolution\/$/);
		await page.touchscreen.tap(200, 20);
		await expect.poll(() => isOpen(page)).toBe(false);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});
