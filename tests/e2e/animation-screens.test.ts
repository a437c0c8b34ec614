import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, renderAllSections } from './browser';

// Every animation on real screens: a laptop and a phone, on the explore page and in the lessons
// (whose column is narrower). Each must fit one screen with its controls, set no label over another,
// and use no text under 12 px. Russian, whose labels run longest, on both screens, and Korean, a CJK
// script with its own font and line breaks, on the phone, where space is tightest. English labels run
// shorter than Russian ones in the same font, and Chinese ones are shorter than Korean ones.

const laptop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };
const runs = [
	{ lang: 'ru', screen: laptop },
	{ lang: 'ru', screen: phone },
	{ lang: 'ko', screen: phone }
];
const pages = [
	'explore/',
	'learn/standard-convolution/',
	'learn/depthwise-separable-convolution/',
	'learn/pointwise-convolution/',
	'learn/mobilenet-v2/',
	'learn/mobilenet-v3/'
];
const FIGURES = [
	'[data-testid="conv-animation"]',
	'[data-testid="v2-block"]',
	'[data-testid="se-block"]',
	'[data-testid="activation-plot"]'
].join(', ');

/** The smallest text the course sets, in CSS pixels. */
const MIN_TEXT_PX = 12;

interface Measured {
	figure: string;
	height: number;
	playVisible: boolean;
	small: string[];
	overlaps: string[];
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Waits until no figure changes size (the animations fit themselves to the screen as they mount). */
async function settled(page: Page) {
	let last = '';
	await expect
		.poll(
			async () => {
				const now = await page
					.locator(FIGURES)
					.evaluateAll((figures) =>
						figures.map((f) => `${(f as HTMLElement).offsetHeight}`).join(' ')
					);
				const same = now === last;
				last = now;
				return same;
			},
			{ timeout: 20_000, interval: 150 }
		)
		.toBe(true);
}

/** Scrolls each figure to the top of the screen and measures it there, in each of its views. */
async function measureAll(page: Page): Promise<Measured[]> {
	const count = await page.locator(FIGURES).count();
	const results: Measured[] = [];
	for (let k = 0; k < count; k++) {
		const figure = page.locator(FIGURES).nth(k);
		// Lessons hydrate a widget as the reader nears it: bring it near, wait for it, let it settle.
		await figure.evaluate((el) => el.scrollIntoView({ block: 'start' }));
		await expect.poll(() => figure.getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
		await settled(page);
		results.push(await measure(figure));
		// The grouped animation's other views (cost chart, channel shuffle) take the drawing's place.
		const views = figure.locator('input[data-shown]');
		const shown = await views.evaluateAll((inputs) =>
			inputs.map((input) => input.getAttribute('data-shown') ?? '')
		);
		for (const view of [...shown.slice(1), shown[0]]) {
			if (!view) continue;
			await figure.locator(`label:has(input[data-shown="${view}"])`).click();
			await expect.poll(() => figure.getAttribute('data-shown')).toBe(view);
			await settled(page);
			if (view !== shown[0]) results.push(await measure(figure));
		}
	}
	return results;
}

/** Measures a figure scrolled to the top of the screen. */
async function measure(figure: Locator): Promise<Measured> {
	await figure.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	return figure.evaluate((el, min) => {
		const name = [
			el.getAttribute('data-testid'),
			el.getAttribute('data-mode'),
			el.getAttribute('data-shown')
		]
			.filter(Boolean)
			.join(':');
		const frame = el.getBoundingClientRect();
		const play = el.querySelector('[data-testid="anim-play"]');
		const playBox = play?.getBoundingClientRect();
		// Text: every SVG line (tspan or text without tspans) and every HTML text node.
		const lines = [...el.querySelectorAll('svg text')].flatMap((t) =>
			t.querySelectorAll('tspan').length > 0 ? [...t.querySelectorAll('tspan')] : [t]
		);
		const small: string[] = [];
		const svgSize = (t: Element) => {
			const svg = (t as SVGGraphicsElement).ownerSVGElement;
			const scale = svg?.getScreenCTM()?.a ?? 1;
			return parseFloat(getComputedStyle(t).fontSize) * scale;
		};
		for (const t of lines) {
			const px = svgSize(t);
			if (t.textContent?.trim() && px < min - 0.05) {
				small.push(`${t.textContent.trim().slice(0, 24)} ${px.toFixed(1)}px`);
			}
		}
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			if (!parent || parent.closest('svg') || !node.textContent?.trim()) continue;
			if (parent.closest('.visually-hidden, option')) continue;
			const style = getComputedStyle(parent);
			if (style.display === 'none' || style.visibility === 'hidden') continue;
			if (parent.getClientRects().length === 0) continue;
			// Clipped to a pixel (read to screen readers only): not seen.
			if (parent.getBoundingClientRect().width <= 1) continue;
			const px = parseFloat(style.fontSize);
			if (px < min - 0.05) small.push(`${node.textContent.trim().slice(0, 24)} ${px}px`);
		}
		// Overlaps between the drawing's labels, within each drawing.
		const overlaps: string[] = [];
		for (const svg of el.querySelectorAll('svg')) {
			const boxes = [...svg.querySelectorAll('text')]
				.flatMap((t) =>
					t.querySelectorAll('tspan').length > 0 ? [...t.querySelectorAll('tspan')] : [t]
				)
				.filter((t) => t.textContent?.trim())
				.map((t) => ({ text: t.textContent?.trim() ?? '', box: t.getBoundingClientRect() }));
			for (let i = 0; i < boxes.length; i++) {
				for (let j = i + 1; j < boxes.length; j++) {
					const a = (boxes[i] as (typeof boxes)[number]).box;
					const b = (boxes[j] as (typeof boxes)[number]).box;
					const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
					const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
					if (w > 0.5 && h > 0.5) {
						overlaps.push(`“${boxes[i]?.text}” × “${boxes[j]?.text}”`);
					}
				}
			}
		}
		// Labels that run out of the figure's frame (drawn over its border, or cut off).
		for (const t of lines) {
			const box = t.getBoundingClientRect();
			if (t.textContent?.trim() && (box.left < frame.left - 0.5 || box.right > frame.right + 0.5)) {
				overlaps.push(`“${t.textContent.trim()}” outside the figure`);
			}
		}
		return {
			figure: name,
			height: Math.round(frame.height),
			playVisible: !playBox || (playBox.top >= 0 && playBox.bottom <= innerHeight),
			small,
			overlaps
		};
	}, MIN_TEXT_PX);
}

describe('the animations on a laptop and a phone', () => {
	for (const { lang, screen } of runs) {
		it(`${lang} at ${screen.width}×${screen.height}: one screen each, no label over another, no text under 12 px`, async () => {
			const found = new Set<string>();
			const views = new Set<string>();
			const failures: string[] = [];
			for (const path of pages) {
				const { page, problems } = await openPage(browser, `/${lang}/${path}`, {
					viewport: screen,
					reducedMotion: 'reduce'
				});
				const style = await renderAllSections(page);
				const measured = await measureAll(page);
				await style.evaluate((s) => (s as Element).remove());
				for (const m of measured) {
					found.add(m.figure.split(':')[0] as string);
					if (m.figure.includes(':grouped:')) views.add(m.figure.split(':')[2] as string);
					const where = `${path} ${m.figure}`;
					if (m.height > screen.height) failures.push(`${where} is ${m.height}px tall`);
					if (!m.playVisible) failures.push(`${where}: play is off the screen`);
					if (m.small.length) failures.push(`${where}: text under 12 px: ${m.small.join(', ')}`);
					if (m.overlaps.length) failures.push(`${where}: ${m.overlaps.join(', ')}`);
				}
				failures.push(...problems.errors.map((error) => `${path}: ${error}`));
				await page.context().close();
			}
			expect(failures).toEqual([]);
			expect([...found].sort()).toEqual(
				['activation-plot', 'conv-animation', 'se-block', 'v2-block'].sort()
			);
			expect([...views].sort()).toEqual(['cost', 'filters', 'shuffle']);
		}, 300_000);
	}
});
