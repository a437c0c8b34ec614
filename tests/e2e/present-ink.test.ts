import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { a11yViolations, launchBrowser, openPage, screenshot, trackProblems } from './browser';

// Ink on slides, as a teacher uses it: drawn in either window and seen in the other, kept on its
// slide, through a reload and on paper.

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const slug = 'standard-convolution';
const deckPath = (lang: string, hash = '') => `/${lang}/present/${slug}/${hash}`;

async function ready(page: Page): Promise<void> {
	await page.locator('[data-testid="slide"]').waitFor();
}

async function current(page: Page): Promise<number> {
	return Number(await page.locator('[data-testid="slide"]').getAttribute('data-index'));
}

/** Strokes on the slide a window shows. */
function strokes(page: Page): Promise<number> {
	return page
		.getByTestId('ink-layer')
		.getAttribute('data-strokes')
		.then((value) => Number(value));
}

/** A mouse stroke across the window's current slide, between two points given as fractions of it. */
async function draw(page: Page, from: [number, number], to: [number, number]): Promise<void> {
	const box = await page.getByTestId('ink-layer').boundingBox();
	if (!box) throw new Error('no ink layer on screen');
	const at = (t: number): [number, number] => [
		box.x + box.width * (from[0] + (to[0] - from[0]) * t),
		box.y + box.height * (from[1] + (to[1] - from[1]) * t) + Math.sin(t * 6) * box.height * 0.03
	];
	await page.mouse.move(...at(0));
	await page.mouse.down();
	for (let step = 1; step <= 12; step++) await page.mouse.move(...at(step / 12));
	await page.mouse.up();
}

/**
 * Opens the deck, then its presenter window with S (as a teacher does), both on `hash`. With
 * bypassCSP, axe can be injected into either.
 */
async function openBoth(
	hash: string,
	{
		lang = 'en',
		viewport = { width: 1280, height: 720 },
		presenterViewport = { width: 1280, height: 800 },
		bypassCSP = false
	} = {}
) {
	const { page: audience, problems } = await openPage(browser, deckPath(lang, hash), {
		viewport,
		bypassCSP
	});
	await ready(audience);
	const opened = audience.context().waitForEvent('page');
	await audience.keyboard.press('s');
	const presenter = await opened;
	const presenterProblems = trackProblems(presenter, new URL(inject('baseURL')).origin);
	await presenter.setViewportSize(presenterViewport);
	await ready(presenter);
	return { audience, presenter, problems, presenterProblems };
}

/** Pixels of a rendered PDF page close to a colour. */
function pixelsNear(png: PNG, [r, g, b]: [number, number, number], tolerance = 60): number {
	let count = 0;
	for (let i = 0; i < png.data.length; i += 4) {
		const dr = (png.data[i] ?? 0) - r;
		const dg = (png.data[i + 1] ?? 0) - g;
		const db = (png.data[i + 2] ?? 0) - b;
		if (Math.hypot(dr, dg, db) < tolerance) count++;
	}
	return count;
}

/** Prints the page to PDF and renders page `number` (1-based) with Poppler's pdftoppm. */
async function printedPage(page: Page, number: number): Promise<PNG> {
	const dir = mkdtempSync(join(tmpdir(), 'separable-ink-'));
	try {
		writeFileSync(join(dir, 'deck.pdf'), await page.pdf({ preferCSSPageSize: true }));
		execFileSync('pdftoppm', [
			'-r',
			'48',
			'-png',
			'-singlefile',
			'-f',
			String(number),
			'-l',
			String(number),
			join(dir, 'deck.pdf'),
			join(dir, 'page')
		]);
		return PNG.sync.read(readFileSync(join(dir, 'page.png')));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The pen's default colour (src/lib/present/ink.ts inkColors.red). */
const red: [number, number, number] = [0xe0, 0x3a, 0x2f];

describe('ink on slides', () => {
	it('drawn in the presenter window, it appears in the audience window, and the other way round', async () => {
		const { audience, presenter, problems, presenterProblems } = await openBoth('#3', {
			bypassCSP: true
		});
		expect(await strokes(audience)).toBe(0);
		await presenter.getByTestId('pen').click();
		await draw(presenter, [0.2, 0.6], [0.7, 0.6]);
		await expect.poll(() => strokes(presenter)).toBe(1);
		await expect.poll(() => strokes(audience)).toBe(1);
		// The audience window draws too (D takes the pen there).
		await audience.bringToFront();
		await audience.keyboard.press('d');
		await draw(audience, [0.2, 0.8], [0.6, 0.85]);
		await expect.poll(() => strokes(audience)).toBe(2);
		await expect.poll(() => strokes(presenter)).toBe(2);
		// The presenter's preview of the next slide shows its own (no) ink.
		expect(await presenter.getByTestId('presenter-next').locator('svg.ink path').count()).toBe(0);
		// With the pen in hand in both windows, the palette is a labelled group inside the labelled
		// controls landmark, and the windows are axe-clean at every impact.
		await expect.poll(() => audience.getByTestId('ink-tools').isVisible()).toBe(true);
		expect(await a11yViolations(audience)).toEqual([]);
		expect(await a11yViolations(presenter)).toEqual([]);
		expect(problems.errors).toEqual([]);
		expect(presenterProblems.errors).toEqual([]);
		await audience.context().close();
	});

	it('stays on its slide, survives a reload, clears by slide and clears all', async () => {
		const { page, problems } = await openPage(browser, deckPath('en', '#2'), {
			viewport: { width: 1280, height: 720 }
		});
		await ready(page);
		await page.getByTestId('pen').click();
		await draw(page, [0.3, 0.5], [0.8, 0.5]);
		await expect.poll(() => strokes(page)).toBe(1);
		// Another colour, and the highlighter, on the next slide.
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => current(page)).toBe(2);
		expect(await strokes(page)).toBe(0);
		await page.getByTestId('ink-blue').click();
		await draw(page, [0.1, 0.3], [0.5, 0.3]);
		await page.getByTestId('ink-highlighter').click();
		await draw(page, [0.1, 0.4], [0.5, 0.4]);
		await expect.poll(() => strokes(page)).toBe(2);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => current(page)).toBe(1);
		expect(await strokes(page)).toBe(1);

		await page.reload();
		await ready(page);
		await expect.poll(() => strokes(page)).toBe(1);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => strokes(page)).toBe(2);
		// The stored strokes: blue pen, then the yellow highlighter.
		const stored = await page.evaluate(
			(key) => JSON.parse(localStorage.getItem(key) ?? 'null'),
			`separable-ink:en/${slug}`
		);
		expect(
			stored.slides['2'].map((s: { kind: string; color: string }) => `${s.kind} ${s.color}`)
		).toEqual(['pen blue', 'highlighter yellow']);

		// The eraser rubs out the stroke it passes over.
		await page.keyboard.press('d');
		await page.getByTestId('ink-eraser').click();
		await draw(page, [0.3, 0.2], [0.3, 0.35]);
		await expect.poll(() => strokes(page)).toBe(1);
		// E clears this slide only.
		await page.keyboard.press('e');
		await expect.poll(() => strokes(page)).toBe(0);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => strokes(page)).toBe(1);
		// Clear all asks first.
		await page.getByTestId('ink-clear-all').click();
		expect(await strokes(page)).toBe(1);
		await page.getByTestId('ink-clear-all-confirm').click();
		await expect.poll(() => strokes(page)).toBe(0);
		await page.reload();
		await ready(page);
		expect(await strokes(page)).toBe(0);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('takes a stylus’s pressure and a finger’s touch, without turning the slide', async () => {
		const { page, problems } = await openPage(browser, deckPath('en', '#2'), {
			viewport: { width: 1280, height: 720 },
			hasTouch: true
		});
		await ready(page);
		await page.getByTestId('pen').click();
		const box = await page.getByTestId('ink-layer').boundingBox();
		if (!box) throw new Error('no ink layer');
		const cdp = await page.context().newCDPSession(page);
		// A stylus: pointer type "pen", pressing harder as it goes.
		const pen = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', x: number, force: number) =>
			cdp.send('Input.dispatchMouseEvent', {
				type,
				x: box.x + x,
				y: box.y + box.height / 2,
				button: 'left',
				buttons: type === 'mouseReleased' ? 0 : 1,
				clickCount: 1,
				pointerType: 'pen',
				force
			});
		await pen('mousePressed', 200, 0.2);
		for (let k = 1; k <= 8; k++) await pen('mouseMoved', 200 + 40 * k, 0.2 + 0.1 * k);
		await pen('mouseReleased', 520, 0);
		await expect.poll(() => strokes(page)).toBe(1);
		// A finger.
		const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
			cdp.send('Input.dispatchTouchEvent', {
				type,
				touchPoints: type === 'touchEnd' ? [] : [{ x: box.x + x, y: box.y + box.height * 0.7 }]
			});
		await touch('touchStart', 700);
		for (let k = 1; k <= 6; k++) await touch('touchMove', 700 - 60 * k);
		await touch('touchEnd', 340);
		await expect.poll(() => strokes(page)).toBe(2);
		// The finger drew: the deck did not take it for a swipe back.
		expect(await current(page)).toBe(1);
		const stored = await page.evaluate(
			(key) => JSON.parse(localStorage.getItem(key) ?? 'null'),
			`separable-ink:en/${slug}`
		);
		const [stylus, finger] = stored.slides['1'];
		expect(stylus.pressure).toBe(true);
		const pressures = stylus.points.map((point: number[]) => point[2]);
		expect(Math.max(...pressures) - Math.min(...pressures)).toBeGreaterThan(0.4);
		expect(finger.pressure).toBe(false);
		expect(finger.points.length).toBeGreaterThan(3);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('points with a laser that fades, in both windows', async () => {
		const { audience, presenter } = await openBoth('#2');
		await presenter.keyboard.press('l');
		const box = await presenter.getByTestId('ink-layer').boundingBox();
		if (!box) throw new Error('no ink layer');
		for (let k = 0; k < 8; k++) {
			await presenter.mouse.move(box.x + 100 + 30 * k, box.y + 150 + 10 * k);
		}
		const dots = audience.getByTestId('ink-layer').locator('circle.laser-dot');
		await expect.poll(() => dots.count()).toBe(1);
		// No stroke is left behind, and the dot fades away once the hand rests.
		expect(await strokes(audience)).toBe(0);
		await expect.poll(() => dots.count(), { timeout: 5000 }).toBe(0);
		await audience.context().close();
	});

	it('prints with the ink on its slide', async () => {
		const { page, problems } = await openPage(browser, deckPath('en', '#3'), {
			viewport: { width: 1280, height: 720 }
		});
		await ready(page);
		const before = pixelsNear(await printedPage(page, 3), red);
		await page.getByTestId('pen').click();
		for (const y of [0.45, 0.55, 0.65]) await draw(page, [0.15, y], [0.85, y]);
		await expect.poll(() => strokes(page)).toBe(3);
		const inked = await printedPage(page, 3);
		const after = pixelsNear(inked, red);
		// Three strokes across the page: hundreds of ink pixels at 48 dpi.
		expect(after - before).toBeGreaterThan(300);
		// Only on its own page.
		expect(pixelsNear(await printedPage(page, 2), red)).toBeLessThan(before + 20);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('lists its keys in the help, clear of the clicker’s', async () => {
		const { page } = await openPage(browser, deckPath('en'));
		await ready(page);
		await page.keyboard.press('?');
		const help = page.getByTestId('present-help');
		await expect.poll(() => help.isVisible()).toBe(true);
		const rows = await help.locator('tr').allTextContents();
		expect(rows.some((row) => /^D\s*Pen on or off/.test(row))).toBe(true);
		expect(rows.some((row) => /^L\s*Laser pointer/.test(row))).toBe(true);
		expect(rows.some((row) => /^E\s*Clear this slide/.test(row))).toBe(true);
		await page.context().close();
	});
});

describe('ink screenshots', () => {
	// A classroom's two screens, the 4:3 projector with the longer language.
	for (const { lang, viewport } of [
		{ lang: 'en', viewport: { width: 1920, height: 1080 } },
		{ lang: 'ru', viewport: { width: 1024, height: 768 } }
	]) {
		it(`a slide with ink in both windows, the overview and the language menu, ${lang} at ${viewport.width}×${viewport.height}`, async () => {
			const { audience, presenter, problems, presenterProblems } = await openBoth('#3', {
				lang,
				viewport,
				presenterViewport: viewport
			});
			await audience.bringToFront();
			await audience.getByTestId('pen').click();
			await draw(audience, [0.12, 0.42], [0.6, 0.42]);
			await audience.getByTestId('ink-highlighter').click();
			await draw(audience, [0.08, 0.55], [0.5, 0.55]);
			await audience.getByTestId('ink-green').click();
			await draw(audience, [0.7, 0.3], [0.9, 0.7]);
			await expect.poll(() => strokes(audience)).toBe(3);
			await expect.poll(() => strokes(presenter)).toBe(3);
			const size = `${viewport.width}x${viewport.height}`;
			// With the pen in hand, the control bar is the ink palette.
			await expect.poll(() => audience.getByTestId('ink-tools').isVisible()).toBe(true);
			await screenshot(audience, `present-ink-${lang}-${size}`);
			await screenshot(presenter, `present-ink-presenter-${lang}-${size}`);
			// The pen put down, the bar is back, with the language menu (kept up while it has focus).
			await audience.keyboard.press('Escape');
			await audience.getByTestId('deck-language').focus();
			await screenshot(audience, `present-language-${lang}-${size}`);
			await audience.getByTestId('deck-language').blur();
			await audience.keyboard.press('o');
			await audience.getByTestId('overview').waitFor();
			await screenshot(audience, `present-ink-overview-${lang}-${size}`);
			expect(problems.errors).toEqual([]);
			expect(presenterProblems.errors).toEqual([]);
			await audience.context().close();
		});
	}
});
