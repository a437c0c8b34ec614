import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './browser';

// The lesson tables share one frame (DataTable): a table fits the text column or scrolls inside
// its own frame, with a fade on the side that hides columns; the page itself never scrolls sideways.

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const desktop = { viewport: { width: 1280, height: 800 } };
const phone = {
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 2,
	isMobile: true,
	hasTouch: true
};

/** Lesson sections render lazily (content-visibility): a table is measured once on screen. */
async function show(table: Locator): Promise<void> {
	await table.evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

async function geometry(table: Locator) {
	return table.evaluate((figure) => {
		const scroller = figure.querySelector<HTMLElement>('[data-testid="table-scroll"]')!;
		const article = figure.closest('article')!.getBoundingClientRect();
		const box = figure.getBoundingClientRect();
		return {
			overflow: scroller.scrollWidth - scroller.clientWidth,
			hidden: figure.querySelector<HTMLElement>('[data-hidden]')?.dataset.hidden,
			insideColumn: box.left >= article.left - 0.5 && box.right <= article.right + 0.5
		};
	});
}

async function pageOverflow(page: Page): Promise<number> {
	return page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
}

describe('lesson tables', () => {
	it('fit the text column on a desktop, comparison table included', async () => {
		for (const path of [
			'/en/learn/width-and-resolution/',
			'/en/learn/mobilenet-v1/',
			'/en/learn/mobilenet-v3/'
		]) {
			const { page, problems } = await openPage(browser, path, desktop);
			const tables = await page.locator('[data-testid$="-table"]:has(table)').all();
			expect(tables.length).toBeGreaterThan(0);
			for (const table of tables) {
				await show(table);
				await expect.poll(() => geometry(table)).toMatchObject({ hidden: 'none' });
				const { overflow, insideColumn } = await geometry(table);
				expect(overflow, path).toBeLessThanOrEqual(0);
				expect(insideColumn, path).toBe(true);
			}
			expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
			const comparison = page.getByTestId('comparison-table');
			if ((await comparison.count()) > 0) {
				await show(comparison);
				// The viewport, not the element: an element taller than the window resizes it to shoot.
				await page.screenshot({ path: 'test-output/screenshots/lesson-tables-1280.png' });
			}
			expect(problems.errors).toEqual([]);
			await page.context().close();
		}
	});

	it('scroll inside their frame on a phone, with a fade where columns hide', async () => {
		const { page, problems } = await openPage(browser, '/en/learn/width-and-resolution/', phone);
		const table = page.getByTestId('comparison-table');
		await show(table);
		await expect.poll(() => geometry(table)).toMatchObject({ hidden: 'end' });
		const { overflow, insideColumn } = await geometry(table);
		expect(overflow).toBeGreaterThan(0);
		expect(insideColumn).toBe(true);
		expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
		// The fade is painted only on the hidden side.
		const fades = () =>
			table
				.locator('[data-hidden]')
				.evaluate((frame) => [
					getComputedStyle(frame, '::before').opacity,
					getComputedStyle(frame, '::after').opacity
				]);
		await expect.poll(fades).toEqual(['0', '1']);
		await screenshot(page, 'lesson-tables-phone');
		// Keyboard users scroll it too: the region takes focus and the arrow keys.
		const scroller = table.getByTestId('table-scroll');
		await scroller.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => geometry(table)).toMatchObject({ hidden: 'both' });
		await expect.poll(fades).toEqual(['1', '1']);
		await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
		await expect.poll(() => geometry(table)).toMatchObject({ hidden: 'start' });
		await expect.poll(fades).toEqual(['1', '0']);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});
