import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import {
	depthwiseConvCost,
	pointwiseConvCost,
	separableConvCost,
	standardConvCost
} from '../../src/lib/architecture/costs';
import { launchBrowser, openPage, screenshot } from './browser';

type Messages = Record<string, string> & {
	anim_restart: string;
	anim_show_values: string;
	anim_view_unfolded: string;
	anim_explore_title: string;
};
const messages = {
	en: JSON.parse(readFileSync('messages/en.json', 'utf8')) as Messages,
	ko: JSON.parse(readFileSync('messages/ko.json', 'utf8')) as Messages
};

type Kind = 'standard' | 'depthwise' | 'pointwise' | 'separable';
interface Sizes {
	dk: number;
	m: number;
	n: number;
	df: number;
	stride: number;
}

/** The engine's formula with the output side ⌈df/stride⌉ as D_F. */
function formula(kind: Kind, s: Sizes): number {
	const df = Math.ceil(s.df / s.stride);
	if (kind === 'standard') return standardConvCost(s.dk, s.m, s.n, df);
	if (kind === 'depthwise') return depthwiseConvCost(s.dk, s.m, df);
	if (kind === 'pointwise') return pointwiseConvCost(s.m, s.n, df);
	return separableConvCost(s.dk, s.m, s.n, df);
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

function animation(page: Page, mode: string): Locator {
	return page.locator(`[data-testid="conv-animation"][data-mode="${mode}"]`);
}

async function counters(figure: Locator): Promise<{ kind: Kind; value: number; total: number }[]> {
	return figure.locator('[data-testid="op-counter"]').evaluateAll((nodes) =>
		nodes.map((node) => ({
			kind: node.getAttribute('data-kind') as Kind,
			value: Number(node.getAttribute('data-value')),
			total: Number(node.getAttribute('data-total'))
		}))
	);
}

/** The sizes as the component's own inputs show them; fields a mode hides keep the given value. */
async function sizesOf(figure: Locator, fallback: Partial<Sizes> = {}): Promise<Sizes> {
	const read = async (field: keyof Sizes) => {
		const input = figure.locator(`input[data-field="${field}"]`);
		return (await input.count()) > 0 ? Number(await input.inputValue()) : (fallback[field] ?? 1);
	};
	return {
		dk: await read('dk'),
		m: await read('m'),
		n: await read('n'),
		df: await read('df'),
		stride: await read('stride')
	};
}

async function pause(figure: Locator) {
	if ((await figure.getAttribute('data-playing')) === 'true') {
		await figure.locator('[data-testid="anim-play"]').click();
	}
	await expect.poll(() => figure.getAttribute('data-playing')).toBe('false');
}

/** Opens the figure's settings (speed, step, sizes, view), closed at first. */
async function openSettings(figure: Locator) {
	const settings = figure.locator('details.settings');
	if ((await settings.getAttribute('open')) === null) await settings.locator('summary').click();
}

async function setSize(figure: Locator, field: keyof Sizes, value: number) {
	await openSettings(figure);
	await figure.locator(`input[data-field="${field}"]`).fill(String(value));
}

/** Rewinds, turns the speed to its maximum and plays until the clock stops by itself. */
async function playToEnd(figure: Locator) {
	await pause(figure);
	await figure.locator('button', { hasText: messages.en.anim_restart }).click();
	await openSettings(figure);
	const speed = figure.locator('[data-testid="anim-speed"]');
	await speed.focus();
	await speed.press('End');
	expect((await counters(figure)).every((c) => c.value === 0)).toBe(true);
	await figure.locator('[data-testid="anim-play"]').click();
	// The clock runs on requestAnimationFrame and stops by itself at the end.
	await expect
		.poll(
			async () =>
				(await figure.getAttribute('data-playing')) === 'false' &&
				(await counters(figure)).every((c) => c.value === c.total),
			{ timeout: 30_000, interval: 100 }
		)
		.toBe(true);
}

/** Tests that drive the clock themselves: no autoplay. */
const still = { reducedMotion: 'reduce' as const };

const modes: { mode: string; kinds: Kind[]; sizes?: Partial<Sizes> }[] = [
	{ mode: 'standard', kinds: ['standard'], sizes: { dk: 3, m: 5, n: 4, df: 7, stride: 2 } },
	{ mode: 'depthwise', kinds: ['depthwise'], sizes: { dk: 5, m: 6, df: 9, stride: 1 } },
	{ mode: 'pointwise', kinds: ['pointwise'], sizes: { m: 7, n: 5, df: 6, stride: 1 } },
	{
		mode: 'side-by-side',
		kinds: ['standard', 'separable'],
		sizes: { dk: 5, m: 16, n: 16, df: 10, stride: 1 }
	}
];

describe('convolution animations', () => {
	for (const { mode, kinds, sizes } of modes) {
		it(`${mode} plays to the end and its counters end at the formulas`, async () => {
			const { page, problems } = await openPage(browser, '/en/explore/', still);
			const figure = animation(page, mode);
			await figure.scrollIntoViewIfNeeded();
			await pause(figure);
			// The default sizes first, then other sizes typed into the component.
			for (const round of [undefined, sizes]) {
				for (const [field, value] of Object.entries(round ?? {})) {
					await setSize(figure, field as keyof Sizes, value);
				}
				await playToEnd(figure);
				const given = await sizesOf(figure, { dk: 1, n: 1 });
				const depthwiseSizes = { ...given, n: given.m };
				const read = await counters(figure);
				expect(read.map((c) => c.kind)).toEqual(kinds);
				for (const counter of read) {
					const expected = formula(counter.kind, mode === 'depthwise' ? depthwiseSizes : given);
					expect(counter.total).toBe(expected);
					expect(counter.value).toBe(expected);
				}
			}
			await figure.screenshot({ path: `test-output/screenshots/anim-${mode}-done.png` });
			expect(problems.errors).toEqual([]);
			expect(problems.foreignRequests).toEqual([]);
			await page.context().close();
		});
	}

	it('the side-by-side ratio is the paper’s 1/N + 1/D_K²', async () => {
		const { page } = await openPage(browser, '/en/explore/', still);
		const figure = animation(page, 'side-by-side');
		await pause(figure);
		await setSize(figure, 'dk', 3);
		await setSize(figure, 'n', 16);
		// 1/16 + 1/9 = 25/144: separable needs 144/25 = 5.76× fewer.
		await expect(figure.locator('[data-testid="anim-ratio"]').textContent()).resolves.toContain(
			'5.76'
		);
		await expect(figure.locator('[data-testid="anim-ratio"]').textContent()).resolves.toContain(
			'25/144'
		);
		// D_K is set as the formulas set it, a D with a subscript K, never as TeX source: in the
		// ratio line, the size's label and the page's prose.
		for (const text of [
			figure.locator('[data-testid="anim-ratio"]'),
			figure.locator('label:has(input[data-field="dk"])'),
			page.locator('#standard > p').first()
		]) {
			await expect(text.textContent()).resolves.not.toContain('_');
			await expect(text.locator('.sym sub').first().textContent()).resolves.toBe('K');
		}
		await page.context().close();
	});

	it('keyboard: space toggles play, arrows step by exactly one step of mult-adds', async () => {
		const { page, problems } = await openPage(browser, '/en/explore/', still);
		const figure = animation(page, 'standard');
		await figure.scrollIntoViewIfNeeded();
		await pause(figure);
		const { dk, m } = await sizesOf(figure);
		const counter = figure.locator('[data-testid="op-counter"]');
		const value = async () => Number(await counter.getAttribute('data-value'));
		await figure.focus();
		await page.keyboard.press('Home');
		expect(await value()).toBe(0);
		// Default step: one output cell of a standard filter is D_K·D_K·M mult-adds.
		await page.keyboard.press('ArrowRight');
		expect(await value()).toBe(dk * dk * m);
		await page.keyboard.press('ArrowRight');
		expect(await value()).toBe(2 * dk * dk * m);
		await page.keyboard.press('ArrowLeft');
		expect(await value()).toBe(dk * dk * m);
		// One channel of one cell: D_K·D_K.
		await openSettings(figure);
		await figure.locator('[data-testid="anim-granularity"]').selectOption('channel');
		await figure.focus();
		await page.keyboard.press('ArrowRight');
		expect(await value()).toBe(dk * dk * m + dk * dk);
		await expect(figure.locator('[data-testid="anim-summary"]').textContent()).resolves.toMatch(
			/filter 1 of \d+, output row 1, column 2, input channel 1/
		);
		await page.keyboard.press('Space');
		await expect.poll(() => figure.getAttribute('data-playing')).toBe('true');
		await page.keyboard.press('Space');
		await expect.poll(() => figure.getAttribute('data-playing')).toBe('false');
		await page.keyboard.press('End');
		expect(await value()).toBe(Number(await counter.getAttribute('data-total')));
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('the worked numbers add up to the output cell', async () => {
		const { page } = await openPage(browser, '/en/explore/', still);
		const figure = animation(page, 'standard');
		await figure.scrollIntoViewIfNeeded();
		await pause(figure);
		await openSettings(figure);
		await figure.getByLabel(messages.en.anim_show_values).check();
		await figure.focus();
		await page.keyboard.press('Home');
		await page.keyboard.press('ArrowRight');
		const result = figure.locator('[data-testid="anim-cell-result"]');
		await expect(result.count()).resolves.toBe(1);
		// Rebuild the cell from the worked tables: Σ over channels of Σ input × weight.
		const { m } = await sizesOf(figure);
		await figure.locator('[data-testid="anim-granularity"]').selectOption('channel');
		await figure.focus();
		await page.keyboard.press('Home');
		let total = 0;
		for (let channel = 0; channel < m; channel++) {
			await page.keyboard.press('ArrowRight');
			const tables = figure.locator('.values table');
			const cells = async (k: number) =>
				(await tables.nth(k).locator('td').allTextContents()).map((t) => Number(t.trim()));
			const inputs = await cells(0);
			const weights = await cells(1);
			const products = await cells(2);
			// + 0: a zero input times a negative weight is −0 in JavaScript, shown as 0.
			inputs.forEach((x, i) => expect(products[i]).toBe(x * (weights[i] ?? 0) + 0));
			total += products.reduce((a, b) => a + b, 0);
		}
		await expect(result.textContent()).resolves.toContain(`= ${total}`);
		await figure.screenshot({ path: 'test-output/screenshots/anim-standard-values.png' });
		await page.context().close();
	});

	it('a size out of range gets a clear message and changes nothing', async () => {
		const { page } = await openPage(browser, '/en/explore/', still);
		const figure = animation(page, 'side-by-side');
		await pause(figure);
		const before = await counters(figure);
		await setSize(figure, 'dk', 9);
		const alert = figure.locator('[role="alert"]');
		await expect(alert.textContent()).resolves.toContain('from 1 to 5');
		expect(await counters(figure)).toEqual(before);
		await expect(figure.locator('input[data-field="dk"]').inputValue()).resolves.toBe('9');
		await setSize(figure, 'dk', 5);
		await expect(alert.count()).resolves.toBe(0);
		const after = await counters(figure);
		expect(after[0]?.total).toBe(formula('standard', await sizesOf(figure)));
		await page.context().close();
	});

	it('autoplays when scrolled into view, but never under prefers-reduced-motion', async () => {
		const { page } = await openPage(browser, '/en/explore/');
		const figure = animation(page, 'depthwise');
		await figure.scrollIntoViewIfNeeded();
		await expect.poll(() => figure.getAttribute('data-playing')).toBe('true');
		await page.context().close();

		const reduced = await openPage(browser, '/en/explore/', { reducedMotion: 'reduce' });
		for (const mode of ['side-by-side', 'standard', 'depthwise', 'pointwise']) {
			const f = animation(reduced.page, mode);
			await f.scrollIntoViewIfNeeded();
			await expect.poll(() => f.getAttribute('data-autoplay')).toBe('off');
			await expect(f.getAttribute('data-playing')).resolves.toBe('false');
			for (const c of await counters(f)) expect(c.value).toBe(0);
		}
		for (const id of ['v2-block', 'se-block']) {
			await expect(
				reduced.page
					.locator(`[data-testid="${id}"] [data-testid="anim-play"]`)
					.getAttribute('aria-pressed')
			).resolves.toBe('false');
		}
		// Stepping still works.
		const f = animation(reduced.page, 'pointwise');
		await f.focus();
		await reduced.page.keyboard.press('ArrowRight');
		const m = (await sizesOf(f)).m;
		await expect(f.locator('[data-testid="op-counter"]').getAttribute('data-value')).resolves.toBe(
			String(m)
		);
		await reduced.page.context().close();
	});
});

describe('block animations and activation plot', () => {
	it('the V2 block shows its shortcut only where shapes match', async () => {
		const { page, problems } = await openPage(browser, '/en/explore/');
		const block = page.locator('[data-testid="v2-block"]');
		await block.scrollIntoViewIfNeeded();
		// Block 2 (24 → 24 channels, stride 1) has a shortcut; block 3 (stride 2) does not.
		// The classic bottleneck beneath always has one.
		await block.locator('select').selectOption('2');
		await expect(block.locator('path.shortcut').count()).resolves.toBe(2);
		await block.locator('select').selectOption('3');
		await expect(block.locator('path.shortcut').count()).resolves.toBe(1);
		await expect(block.locator('.note').first().textContent()).resolves.toContain('No shortcut');
		await block.locator('select').selectOption('2');
		await block.focus();
		await page.keyboard.press('End');
		await block.screenshot({ path: 'test-output/screenshots/anim-v2-block.png' });
		const se = page.locator('[data-testid="se-block"]');
		await se.focus();
		await page.keyboard.press('End');
		await se.screenshot({ path: 'test-output/screenshots/anim-se-block.png' });
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('the activation plot reads out every function at a dragged x', async () => {
		const { page } = await openPage(browser, '/en/explore/');
		const plot = page.locator('[data-testid="activation-plot"]');
		await plot.scrollIntoViewIfNeeded();
		const handle = plot.locator('[role="slider"]');
		await handle.focus();
		await page.keyboard.press('Home');
		for (let i = 0; i < 2; i++) await page.keyboard.press('PageUp');
		// x = −6 + 2 = −4: ReLU 0, ReLU6 0, h-swish 0, swish −4·σ(−4).
		await expect(handle.getAttribute('aria-valuenow')).resolves.toBe('-4');
		await expect(plot.locator('td[data-fn="relu6"]').textContent()).resolves.toBe('0.000');
		await expect(plot.locator('td[data-fn="hswish"]').textContent()).resolves.toBe('0.000');
		await expect(plot.locator('td[data-fn="swish"]').textContent()).resolves.toBe(
			(-4 / (1 + Math.exp(4))).toFixed(3)
		);
		// Drag to x ≈ 7: ReLU6 saturates at 6.
		const box = (await plot.locator('svg').first().boundingBox())!;
		await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width * 0.97, box.y + box.height * 0.5);
		await page.mouse.up();
		const x = Number(await handle.getAttribute('aria-valuenow'));
		expect(x).toBeGreaterThan(6);
		await expect(plot.locator('td[data-fn="relu6"]').textContent()).resolves.toBe('6.000');
		await plot.screenshot({ path: 'test-output/screenshots/anim-activations.png' });
		await page.context().close();
	});
});

describe('screenshots', () => {
	it('the gallery in Korean, paused midway, and on a phone', async () => {
		const { page, problems } = await openPage(browser, '/ko/explore/', still);
		await expect(page.locator('h1').textContent()).resolves.toBe(messages.ko.anim_explore_title);
		const figure = animation(page, 'side-by-side');
		await pause(figure);
		await figure.focus();
		for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
		await figure.screenshot({ path: 'test-output/screenshots/anim-side-by-side-ko.png' });
		expect(problems.errors).toEqual([]);
		await page.context().close();

		const phone = await openPage(browser, '/en/explore/', {
			viewport: { width: 390, height: 844 },
			reducedMotion: 'reduce'
		});
		const small = animation(phone.page, 'side-by-side');
		await small.focus();
		for (let i = 0; i < 20; i++) await phone.page.keyboard.press('ArrowRight');
		await small.screenshot({ path: 'test-output/screenshots/anim-side-by-side-phone.png' });
		await phone.page.context().close();
	});

	it('fills a 4K projector’s screen, captions at the page’s text size', async () => {
		const screen = { width: 3840, height: 2160 };
		const { page } = await openPage(browser, '/en/explore/', { ...still, viewport: screen });
		// A presentation slide gives the animation the whole width.
		await page.addStyleTag({ content: '.explore { max-width: none !important; }' });
		const figure = animation(page, 'side-by-side');
		await figure.focus();
		for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
		// The room sees the whole figure, controls included: the drawing grows until one of the
		// screen's sides stops it. Two tracks stacked at 16:9 meet the height first (at 3,000 px
		// wide they would be taller than the screen and push the player off it).
		await figure.evaluate((el) => el.scrollIntoView({ block: 'start' }));
		const svg = figure.locator('svg.overlay').last();
		await expect
			.poll(async () => {
				const frame = (await figure.boundingBox())!;
				const drawing = (await svg.boundingBox())!;
				return (
					frame.height <= screen.height &&
					(drawing.width > 3000 || frame.height > 0.9 * screen.height)
				);
			})
			.toBe(true);
		const play = (await figure.locator('[data-testid="anim-play"]').boundingBox())!;
		expect(play.y + play.height).toBeLessThanOrEqual(screen.height);
		const fontSize = await figure
			.locator('svg.slow tspan')
			.first()
			.evaluate((t) => (t as SVGTSpanElement).getBoundingClientRect().height);
		expect(fontSize).toBeGreaterThan(10);
		expect(fontSize).toBeLessThan(30);
		await figure.screenshot({ path: 'test-output/screenshots/anim-side-by-side-4k.png' });
		await page.context().close();
	});

	it('each mode in the unfolded view, and the whole gallery', async () => {
		const { page } = await openPage(browser, '/en/explore/', { reducedMotion: 'reduce' });
		for (const mode of ['standard', 'depthwise', 'pointwise', 'side-by-side']) {
			const figure = animation(page, mode);
			await openSettings(figure);
			await figure.getByLabel(messages.en.anim_view_unfolded).check();
			await figure.focus();
			for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
			await figure.screenshot({ path: `test-output/screenshots/anim-${mode}-unfolded.png` });
		}
		await screenshot(page, 'anim-gallery');
		await page.context().close();
	});
});
