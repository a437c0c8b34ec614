/**
 * The whole network after a photo: one strip column per layer of the layer table, for V1 and V2,
 * reached by clicking from the home page; a column opens its layer; a clicked pixel of a
 * depthwise, standard or pointwise layer is taken apart into products that add up to its value.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, screenshotOf } from './browser';
import { openLive, settled } from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** ReLU6, as the network applies it after these layers. */
const relu6 = (x: number) => Math.min(6, Math.max(0, x));

const names = (page: Page, selector: string) =>
	page.$$eval(selector, (els) => els.map((el) => el.getAttribute('data-layer')));

/** A sample photo tapped, and its classes shown for `config`. */
async function sample(page: Page, file: string, config: string) {
	await page.locator(`[data-testid="sample"][data-sample="${file}"]`).click();
	return settled(page, config);
}

/** The strip once the pass's maps are drawn in it. */
async function stripWithMaps(page: Page) {
	const strip = page.locator('[data-testid="network-strip"][data-maps="true"]');
	await strip.waitFor({ timeout: 60_000 });
	return strip;
}

describe('the network strip', () => {
	it('V1 and V2: a column per layer of the table, in order; a click opens the layer (from the home page)', async () => {
		const { page, problems } = await openPage(browser, '/en/', {
			viewport: { width: 1366, height: 768 }
		});
		await page.locator('[data-testid="home-lab"]').click();
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
		// Before any photo the strip already shows every layer, without maps.
		await expect(names(page, '[data-testid="strip-layer"]')).resolves.toEqual(
			await names(page, '[data-testid="layer-row"]')
		);

		// The default network is V1 1.0; α 0.25 has weights in the test server.
		await page.locator('[data-testid="alpha-input"]').fill('0.25');
		await page.locator('[data-testid="alpha-input"]').dispatchEvent('change');
		const top = await sample(page, 'coffee.png', 'v1/0.25/224');
		expect(top[0]!.label).toBe('espresso');
		const strip = await stripWithMaps(page);
		const v1 = await names(page, '[data-testid="strip-layer"]');
		expect(v1).toEqual(await names(page, '[data-testid="layer-row"]'));
		expect(v1).toHaveLength(29);
		// Maps drawn: the strip's canvas has many colours, not a blank.
		const colours = await strip.locator('canvas').evaluate((c: HTMLCanvasElement) => {
			const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
			const seen = new Set<number>();
			for (let i = 0; i < d.length; i += 4 * 7)
				if (d[i + 3]) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
			return seen.size;
		});
		expect(colours).toBeGreaterThan(50);
		// A depthwise column continues its source's channels; the class column names the top class.
		const channels = (name: string) =>
			strip.locator(`[data-layer="${name}"]`).getAttribute('data-channels');
		await expect(channels('conv_dw_3')).resolves.toBe(await channels('conv_pw_2'));
		await expect(strip.locator('[data-layer="conv_preds"]').textContent()).resolves.toContain(
			'espresso'
		);
		await screenshot(page, 'lab-v1-en-1366');
		await screenshotOf(page.locator('.network').first(), 'strip-v1-en-1366');

		await strip.locator('[data-layer="conv_dw_4"]').click();
		await page.locator('[data-testid="layer-maps"][data-layer="conv_dw_4"]').waitFor();
		await expect(
			strip.locator('[data-layer="conv_dw_4"]').getAttribute('aria-pressed')
		).resolves.toBe('true');
		await expect(page.locator('[data-testid="layer-picker"]').inputValue()).resolves.toBe(
			'conv_dw_4'
		);

		// V2: expansion / depthwise / projection (and an add where shapes allow) per block.
		await page.locator('[data-testid="version-v2"]').click();
		await page.waitForFunction(
			() =>
				document.querySelector('[data-testid="strip-layer"]')?.getAttribute('data-layer') ===
				'Conv1'
		);
		await settled(page, 'v2/0.25/224');
		await stripWithMaps(page);
		const v2 = await names(page, '[data-testid="strip-layer"]');
		expect(v2).toEqual(await names(page, '[data-testid="layer-row"]'));
		expect(v2.length).toBeGreaterThan(60);
		expect(v2.filter((n) => n!.startsWith('block_3_'))).toEqual([
			'block_3_expand',
			'block_3_depthwise',
			'block_3_project'
		]);
		await page.locator('[data-testid="strip-layer"][data-layer="block_4_add"]').click();
		await page.locator('[data-testid="layer-maps"][data-layer="block_4_add"]').waitFor();
		// Its picker groups V2's layers by block, in the glossary's words.
		const groups = await page.$$eval('[data-testid="layer-picker"] optgroup', (els) =>
			els.map((el) => el.getAttribute('label'))
		);
		expect(groups[0]).toBe('Stem');
		expect(groups).toContain('Block 4: inverted residual block');
		await screenshotOf(page.locator('.network').first(), 'strip-v2-en-1366');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	}, 240_000);

	it('in Russian: the same columns, Russian block names in the picker', async () => {
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224', {
			viewport: { width: 1366, height: 768 }
		});
		await page.locator('[data-testid="language-switcher"] a[data-lang="ru"]').click();
		await page.waitForURL(/\/ru\/lab\//);
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
		await sample(page, 'chelsea.png', 'v1/0.25/224');
		await stripWithMaps(page);
		await expect(names(page, '[data-testid="strip-layer"]')).resolves.toHaveLength(29);
		const groups = await page.$$eval('[data-testid="layer-picker"] optgroup', (els) =>
			els.map((el) => el.getAttribute('label'))
		);
		expect(groups).toContain('Блок 2: разделимая по глубине свёртка');
		await screenshotOf(page.locator('.network').first(), 'strip-v1-ru-1366');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});

/** The patch view's numbers, as the page holds them. */
function patchNumbers(page: Page) {
	return page.locator('[data-testid="patch-view"]').evaluate((view) => {
		const num = (name: string) => Number(view.getAttribute(`data-${name}`));
		const values = (testid: string) =>
			[...view.querySelectorAll(`[data-testid="${testid}"]`)].map((el) =>
				Number(el.getAttribute('data-value'))
			);
		return {
			kind: view.getAttribute('data-kind'),
			sum: num('sum'),
			bias: num('bias'),
			output: num('output'),
			value: num('value'),
			products: values('patch-product'),
			inputs: values('patch-input'),
			weights: values('patch-weight'),
			rest: values('patch-rest')
		};
	});
}

/** Opens `layer`, enlarges `channel`, clicks the pixel at (fx, fy) of the channel (fractions). */
async function explain(page: Page, layer: string, channel: number, fx: number, fy: number) {
	await page.locator('[data-testid="layer-picker"]').selectOption(layer);
	const grid = page.locator(
		`[data-testid="layer-maps"][data-layer="${layer}"] [data-testid="feature-map-grid"]`
	);
	await grid.waitFor();
	await grid.focus();
	for (let i = 0; i < channel; i++) await page.keyboard.press('ArrowRight');
	// From there, the first channel that did something on this photo: not marked 0, and not one
	// value everywhere (a channel whose input is 0 shows only its bias).
	const idle = (text: string) =>
		/ · (0 everywhere|always 0)/.test(text) || /min (\S+), max \1(?!\S)/.test(text);
	for (let i = 0; i < 16 && idle((await grid.getAttribute('aria-valuetext'))!); i++)
		await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Enter');
	const canvas = page.locator('[data-testid="channel-canvas"]');
	const box = (await canvas.boundingBox())!;
	await canvas.click({ position: { x: box.width * fx, y: box.height * fy } });
	await page.locator('[data-testid="patch-view"]').waitFor();
	return patchNumbers(page);
}

describe('patch × kernel', () => {
	it('the products of a clicked pixel add up, with the bias and the activation, to its value', async () => {
		// Reduced motion: the enlarged channel scrolls into view at once, not while it is clicked.
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224', {
			viewport: { width: 1366, height: 900 },
			reducedMotion: 'reduce'
		});
		await sample(page, 'coffee.png', 'v1/0.25/224');
		await stripWithMaps(page);

		// Depthwise, stride 2, inside the map: 3 × 3 products of one channel.
		const dw = await explain(page, 'conv_dw_2', 3, 0.5, 0.4);
		expect(dw.kind).toBe('depthwise');
		expect(dw.products).toHaveLength(9);
		dw.products.forEach((p, i) => expect(p).toBeCloseTo(dw.inputs[i]! * dw.weights[i]!, 5));
		expect(dw.products.reduce((a, b) => a + b, 0)).toBeCloseTo(dw.sum, 5);
		const tolerance = (v: number) => 1e-4 * Math.max(1, Math.abs(v));
		expect(Math.abs(relu6(dw.sum + dw.bias) - dw.value)).toBeLessThan(tolerance(dw.value));
		expect(Math.abs(dw.output - dw.value)).toBeLessThan(tolerance(dw.value));
		await screenshotOf(page.locator('[data-testid="layer-maps"]'), 'patch-depthwise-en-1366');

		// The standard stem convolution: 3 × 3 × 3 products over R, G and B, at the bottom-right
		// corner, where SAME padding adds its zeros.
		const stem = await explain(page, 'conv1', 1, 0.996, 0.996);
		expect(stem.kind).toBe('conv');
		expect(stem.products).toHaveLength(27);
		expect(stem.products.reduce((a, b) => a + b, 0)).toBeCloseTo(stem.sum, 5);
		await expect(
			page.locator('[data-testid="patch-view"] .padded').count()
		).resolves.toBeGreaterThan(0);
		expect(Math.abs(stem.output - stem.value)).toBeLessThan(tolerance(stem.value));
		await screenshotOf(page.locator('[data-testid="patch-view"]'), 'patch-standard-en-1366');

		// Pointwise: every input channel, the largest products shown and the rest summed.
		const pw = await explain(page, 'conv_pw_5', 2, 0.3, 0.6);
		expect(pw.kind).toBe('pointwise');
		expect(pw.products.reduce((a, b) => a + b, 0) + (pw.rest[0] ?? 0)).toBeCloseTo(pw.sum, 4);
		expect(Math.abs(pw.output - pw.value)).toBeLessThan(tolerance(pw.value));
		await screenshotOf(page.locator('[data-testid="patch-view"]'), 'patch-pointwise-en-1366');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	}, 240_000);
});

describe('lessons open the lab on their layer', () => {
	it('lesson 3’s link opens conv_dw_2; a row of lesson 5’s Table 1 opens its layer', async () => {
		const { page, problems } = await openPage(browser, '/en/learn/');
		await page
			.locator('[data-testid="lesson-index"] a[href$="/depthwise-separable-convolution/"]')
			.click();
		const link = page.locator('[data-testid="lab-link"][data-layer="conv_dw_2"]');
		await link.click();
		await page.waitForURL(/\/en\/lab\/\?version=v1&alpha=1&res=224&layer=conv_dw_2$/);
		await page.locator('[data-testid="layer-maps"][data-layer="conv_dw_2"]').waitFor();
		await expect(
			page
				.locator('[data-testid="strip-layer"][data-layer="conv_dw_2"]')
				.getAttribute('aria-pressed')
		).resolves.toBe('true');

		await page.goto(page.url().replace(/\/lab\/.*$/, '/learn/mobilenet-v1/'));
		const row = page
			.locator(
				'[data-testid="architecture-table"] [data-testid="table-lab-link"][data-layer="conv_dw_4"]'
			)
			.first();
		await row.click();
		await page.waitForURL(/layer=conv_dw_4$/);
		await page.locator('[data-testid="layer-maps"][data-layer="conv_dw_4"]').waitFor();
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});
