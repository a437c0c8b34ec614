/**
 * Opening a layer's feature maps from the op-count table and the mult-adds chart, and reading
 * the feature-map grid with the keyboard alone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSpec } from '../../src/lib/architecture';
import { launchBrowser, screenshot } from './browser';
import { openLive, seriousA11yViolations, shared, upload } from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const spec = buildSpec({ version: 'v1', alpha: 0.25, resolution: 224 });
const channelsOf = (name: string) => spec.layers.find((l) => l.name === name)!.output[2];

/** The open layer's grid, once drawn for `layer`. */
async function gridFor(page: Page, layer: string) {
	await page.locator(`[data-testid="layer-maps"][data-layer="${layer}"]`).waitFor();
	const grid = page.locator('[data-testid="feature-map-grid"]');
	await page.waitForFunction(
		([layer, channels]) =>
			document.querySelector('[data-testid="layer-maps"]')?.getAttribute('data-layer') === layer &&
			document.querySelector('[data-testid="feature-map-grid"]')?.getAttribute('data-channels') ===
				String(channels),
		[layer, channelsOf(layer)] as const,
		{ timeout: 60_000 }
	);
	return grid;
}

const active = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement;
		return {
			tag: el?.tagName.toLowerCase(),
			layer: el?.closest('[data-layer]')?.getAttribute('data-layer') ?? null,
			testid: el?.getAttribute('data-testid') ?? null
		};
	});

/** Whether an element's top edge is inside the window. */
const inView = (page: Page, selector: string) =>
	page.locator(selector).evaluate((el) => {
		const r = el.getBoundingClientRect();
		return r.top >= 0 && r.top < window.innerHeight;
	});

describe('feature maps opened from the table and the chart', () => {
	it('a layer name in the table opens its maps, in view and focused; "back" returns to the row', async () => {
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224');
		await upload(page, shared('coffee.png'), 'v1/0.25/224');

		const row = page.locator('[data-testid="layer-row"][data-layer="conv_pw_3"]');
		await row.locator('[data-testid="open-layer"]').click();
		await gridFor(page, 'conv_pw_3');
		// Scrolled there (smoothly, so give it a moment).
		await expect.poll(() => inView(page, '[data-testid="layer-maps"]')).toBe(true);
		await expect(active(page)).resolves.toMatchObject({ tag: 'h4', layer: 'conv_pw_3' });
		await expect(
			page
				.locator('[data-testid="strip-layer"][data-layer="conv_pw_3"]')
				.getAttribute('aria-pressed')
		).resolves.toBe('true');
		await expect(row.getAttribute('class')).resolves.toContain('open');
		await screenshot(page, 'live-maps-from-table');

		await page.locator('[data-testid="layer-back"]').click();
		await expect(active(page)).resolves.toMatchObject({ testid: 'open-layer', layer: 'conv_pw_3' });
		await expect
			.poll(() => inView(page, '[data-testid="layer-row"][data-layer="conv_pw_3"]'))
			.toBe(true);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('a bar of the chart opens its maps by click and by Enter', async () => {
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224');
		await upload(page, shared('chelsea.png'), 'v1/0.25/224');
		const bar = (name: string) =>
			page.locator(`[data-testid="macs-chart"] g.bar[data-layer="${name}"]`);

		await bar('conv_dw_4').click();
		await gridFor(page, 'conv_dw_4');
		await expect(page.locator('[data-testid="layer-back"]').textContent()).resolves.toContain(
			'chart'
		);

		// Keyboard only: focus a bar, step right, Enter.
		await bar('conv_dw_5').focus();
		await page.keyboard.press('ArrowRight');
		await expect(active(page)).resolves.toMatchObject({ layer: 'conv_pw_5' });
		await page.keyboard.press('Enter');
		await gridFor(page, 'conv_pw_5');
		await expect(active(page)).resolves.toMatchObject({ tag: 'h4', layer: 'conv_pw_5' });
		await page.locator('[data-testid="layer-back"]').click();
		await expect(active(page)).resolves.toMatchObject({ layer: 'conv_pw_5' });
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('a layer opened before any image says to choose one, and fills in when one arrives', async () => {
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224');
		await page
			.locator('[data-testid="layer-row"][data-layer="conv1"] [data-testid="open-layer"]')
			.click();
		const note = page.locator('[data-testid="layer-maps-note"]');
		await expect(note.textContent()).resolves.toContain('Choose an image above');
		await upload(page, shared('coffee.png'), 'v1/0.25/224');
		await gridFor(page, 'conv1');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});

describe('the feature-map grid by keyboard', () => {
	it('shows each image its own maps, and the first image the same maps again, as passes reuse arrays', async () => {
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224');
		await upload(page, shared('coffee.png'), 'v1/0.25/224');
		await page.locator('[data-testid="strip-layer"][data-layer="conv_pw_1"]').click();
		const grid = await gridFor(page, 'conv_pw_1');
		/** The grid as drawn: its label (channel 1's range) and a checksum of its pixels. */
		const drawn = async () => {
			await page.evaluate(
				() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
			);
			return grid.evaluate((canvas: HTMLCanvasElement) => {
				const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
				let sum = 0;
				for (let i = 0; i < d.length; i++) sum = (sum * 31 + d[i]!) % 1_000_000_007;
				return { label: canvas.getAttribute('aria-valuetext'), sum };
			});
		};
		const coffee = await drawn();
		await upload(page, shared('chelsea.png'), 'v1/0.25/224');
		const chelsea = await drawn();
		expect(chelsea.label).not.toBe(coffee.label);
		expect(chelsea.sum).not.toBe(coffee.sum);
		// The third pass reads into the arrays the first one filled: the maps must be coffee's again.
		await upload(page, shared('coffee.png'), 'v1/0.25/224');
		await expect(drawn()).resolves.toEqual(coffee);
		await upload(page, shared('chelsea.png'), 'v1/0.25/224');
		await expect(drawn()).resolves.toEqual(chelsea);
		expect(problems.errors).toEqual([]);
	});

	it('arrows move the channel, Enter enlarges it, Escape closes it; the label names channel, min and max', async () => {
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224');
		await upload(page, shared('coffee.png'), 'v1/0.25/224');
		await page.locator('[data-testid="layer-picker"]').selectOption('conv_dw_2');
		const grid = await gridFor(page, 'conv_dw_2');
		const channels = channelsOf('conv_dw_2');

		// Reached with Tab like any control (from the layer picker, past the map settings).
		await page.locator('[data-testid="layer-picker"]').focus();
		for (let i = 0; i < 8 && (await active(page)).testid !== 'feature-map-grid'; i++)
			await page.keyboard.press('Tab');
		await expect(active(page)).resolves.toMatchObject({ testid: 'feature-map-grid' });
		await expect(grid.getAttribute('role')).resolves.toBe('slider');
		await expect(grid.getAttribute('aria-valuemax')).resolves.toBe(String(channels));

		const text = async () => (await grid.getAttribute('aria-valuetext'))!;
		const first = await text();
		// A channel ReLU6 capped, or that stayed 0, says so after its range.
		expect(first).toMatch(
			new RegExp(`^Channel 1 of ${channels}: min -?[\\d.]+, max -?[\\d.]+( · .+)?$`)
		);

		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(grid.getAttribute('data-cursor')).resolves.toBe('2');
		await expect(grid.getAttribute('aria-valuenow')).resolves.toBe('3');
		const third = await text();
		expect(third).toMatch(
			new RegExp(`^Channel 3 of ${channels}: min -?[\\d.]+, max -?[\\d.]+( · .+)?$`)
		);
		await expect(page.locator('[data-testid="grid-readout"]').textContent()).resolves.toBe(third);
		const [, min, max] = third.match(/min (-?[\d.]+), max (-?[\d.]+)/)!.map(Number);
		expect(min!).toBeLessThanOrEqual(max!);

		// Down moves a whole row of the grid.
		const cols = await grid.evaluate((c: HTMLCanvasElement) => {
			// The second cell of the first column starts one row down: count cells across.
			const d = c.getContext('2d')!.getImageData(0, 0, c.width, 1).data;
			let cells = 0;
			for (let x = 0; x < c.width; x++) {
				const opaque = d[x * 4 + 3]! > 0;
				const before = x > 0 && d[(x - 1) * 4 + 3]! > 0;
				if (opaque && !before) cells++;
			}
			return cells;
		});
		await page.keyboard.press('ArrowDown');
		await expect(grid.getAttribute('data-cursor')).resolves.toBe(String(2 + cols));

		await page.keyboard.press('Enter');
		const view = page.locator('[data-testid="channel-view"]');
		await expect(view.getAttribute('data-channel')).resolves.toBe(String(2 + cols));
		// The enlarged channel follows the cursor, and shows the same range as the grid's label.
		await page.keyboard.press('ArrowLeft');
		await expect(view.getAttribute('data-channel')).resolves.toBe(String(1 + cols));
		const [, lo, hi] = (await text()).match(/min (-?[\d.]+), max (-?[\d.]+)/)!;
		await expect(view.textContent()).resolves.toContain(`min ${lo}, max ${hi}`);
		await screenshot(page, 'live-grid-keyboard');

		await page.keyboard.press('End');
		await expect(grid.getAttribute('data-cursor')).resolves.toBe(String(channels - 1));
		await page.keyboard.press('Escape');
		await expect(view.count()).resolves.toBe(0);
		await expect(active(page)).resolves.toMatchObject({ testid: 'feature-map-grid' });
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	for (const scheme of ['light', 'dark'] as const) {
		it(`has no serious or critical accessibility violation with a layer and a channel open (${scheme})`, async () => {
			const { page } = await openLive(browser, 'version=v1&alpha=0.25&res=224', {
				bypassCSP: true,
				colorScheme: scheme
			});
			await upload(page, shared('coffee.png'), 'v1/0.25/224');
			await page
				.locator('[data-testid="layer-row"][data-layer="conv_dw_3"] [data-testid="open-layer"]')
				.click();
			const grid = await gridFor(page, 'conv_dw_3');
			await grid.focus();
			await page.keyboard.press('ArrowRight');
			await page.keyboard.press('Enter');
			await page.locator('[data-testid="channel-view"]').waitFor();
			await screenshot(page, `live-maps-${scheme}`);
			expect(await seriousA11yViolations(page)).toEqual([]);
			await page.context().close();
		});
	}
});
