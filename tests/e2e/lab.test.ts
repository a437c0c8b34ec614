import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ALPHA_RANGE, VERSIONS, buildSpec, clampConfig } from '../../src/lib/architecture';
import type { NetworkConfig } from '../../src/lib/architecture';
import { launchBrowser, openPage, screenshot } from './browser';
import { seriousA11yViolations } from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function openLab(path: string, options: Parameters<typeof openPage>[2] = {}) {
	const opened = await openPage(browser, path, options);
	await opened.page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
	return opened;
}

async function totals(page: Page) {
	const read = async (id: string) =>
		Number(await page.locator(`[data-testid="${id}"]`).getAttribute('data-value'));
	return { macs: await read('total-macs'), params: await read('total-params') };
}

function expected(config: NetworkConfig) {
	const spec = buildSpec(config);
	return { macs: spec.totals.macs, params: spec.totals.params, layers: spec.layers };
}

/** Waits until the page shows the engine's totals for config (the page recomputes on the next frame). */
async function expectTotals(page: Page, config: NetworkConfig) {
	const want = expected(config);
	await page.waitForFunction(
		(macs) =>
			document.querySelector('[data-testid="total-macs"]')?.getAttribute('data-value') ===
			String(macs),
		want.macs,
		{ timeout: 10_000 }
	);
	await expect(totals(page)).resolves.toEqual({ macs: want.macs, params: want.params });
	await expect(page.locator('[data-testid="layer-row"]').count()).resolves.toBe(want.layers.length);
}

describe('op-count lab', () => {
	it('shows V1 1.0-224 from the URL: totals, every layer, the paper figures, the full-conv comparison', async () => {
		const { page, problems } = await openLab('/en/lab/?version=v1&alpha=1&res=224');
		const want = expected({ version: 'v1', alpha: 1, resolution: 224 });
		await expect(totals(page)).resolves.toEqual({ macs: 568740352, params: 4209088 });
		expect(want.macs).toBe(568740352);
		const rows = page.locator('[data-testid="layer-row"]');
		await expect(rows.count()).resolves.toBe(want.layers.length);
		await expect(rows.locator('th').allTextContents()).resolves.toEqual(
			want.layers.map((l) => l.name)
		);
		await expect(page.locator('[data-testid="total-macs"]').textContent()).resolves.toContain(
			'568,740,352'
		);
		await expect(page.locator('[data-testid="published"]').textContent()).resolves.toContain(
			'MobileNetV1 paper, Tables 4, 6, 7, 8: 569M mult-adds, 4.2M parameters'
		);
		await expect(page.locator('[data-testid="full-conv"]').isVisible()).resolves.toBe(true);
		await expect(page.locator('[data-testid="macs-chart"] g.bar').count()).resolves.toBe(
			want.layers.length
		);
		await screenshot(page, 'lab-en-v1');
		expect(problems.errors).toEqual([]);
		expect(problems.foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('applies ?version=v2&alpha=1.4&res=224 after load and drops the V1-only comparison', async () => {
		const { page, problems } = await openLab('/en/lab/?version=v2&alpha=1.4&res=224');
		await expectTotals(page, { version: 'v2', alpha: 1.4, resolution: 224 });
		await expect(page.locator('[data-testid="full-conv"]').count()).resolves.toBe(0);
		await expect(page.locator('input[name="version"][value="v2"]').isChecked()).resolves.toBe(true);
		await expect(page.locator('[data-testid="alpha-slider"]').inputValue()).resolves.toBe('1.4');
		// Loading a valid link leaves it as it was.
		expect(new URL(page.url()).search).toBe('?version=v2&alpha=1.4&res=224');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('renders every version, and the version buttons switch between them', async () => {
		const { page, problems } = await openLab('/en/lab/?version=v1&alpha=0.75&res=192');
		for (const version of VERSIONS) {
			await page.locator(`input[name="version"][value="${version}"]`).check();
			await expectTotals(page, { version, alpha: 0.75, resolution: 192 });
			await page.waitForURL(new RegExp(`\\?version=${version}&alpha=0\\.75&res=192$`));
		}
		await screenshot(page, 'lab-en-v3-small');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('arrow keys on the α slider change the totals and the URL; reload restores them', async () => {
		const { page, problems } = await openLab('/en/lab/?version=v1&alpha=1&res=224');
		const slider = page.locator('[data-testid="alpha-slider"]');
		await slider.focus();
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await expectTotals(page, { version: 'v1', alpha: 0.9, resolution: 224 });
		await page.waitForURL(/\?version=v1&alpha=0\.9&res=224$/);
		await page.reload();
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
		await expectTotals(page, { version: 'v1', alpha: 0.9, resolution: 224 });
		await expect(slider.inputValue()).resolves.toBe('0.9');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('dragging the α slider with the mouse recomputes while dragging', async () => {
		const { page, problems } = await openLab('/en/lab/?version=v2&alpha=1&res=224');
		const slider = page.locator('[data-testid="alpha-slider"]');
		// The live network comes first on the page: bring the settings into view to drag.
		await slider.scrollIntoViewIfNeeded();
		const box = (await slider.boundingBox())!;
		const thumb = 1.4 * 16;
		const xAt = (alpha: number) =>
			box.x +
			thumb / 2 +
			((alpha - ALPHA_RANGE.min) / (ALPHA_RANGE.max - ALPHA_RANGE.min)) * (box.width - thumb);
		const y = box.y + box.height / 2;
		await page.mouse.move(xAt(1), y);
		await page.mouse.down();
		await page.mouse.move(xAt(0.7), y, { steps: 5 });
		// Mid-drag, before the button is released, the page already shows the new count.
		const mid = Number(await slider.inputValue());
		expect(mid).toBeLessThan(1);
		await expectTotals(page, { version: 'v2', alpha: mid, resolution: 224 });
		await page.mouse.move(xAt(0.4), y, { steps: 5 });
		await page.mouse.up();
		const end = Number(await slider.inputValue());
		expect(end).toBeLessThan(mid);
		await expectTotals(page, { version: 'v2', alpha: end, resolution: 224 });
		await page.waitForURL(new RegExp(`alpha=${String(end).replace('.', '\\.')}&`));
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('clamps bad URL values with a visible note and corrects the address', async () => {
		const query = { version: 'v9', alpha: 'abc', res: '99999' };
		const { page, problems } = await openLab(`/en/lab/?${new URLSearchParams(query)}`);
		const { config, notes } = clampConfig(query);
		const note = page.locator('[data-testid="clamp-note"]');
		await expect(note.isVisible()).resolves.toBe(true);
		await expect(note.locator('li').count()).resolves.toBe(notes.length);
		await expect(note.textContent()).resolves.toContain('“v9”');
		await expectTotals(page, config);
		await page.waitForURL(new RegExp(`\\?version=v1&alpha=1&res=${config.resolution}$`));
		await screenshot(page, 'lab-en-clamped');
		await note.getByRole('button').click();
		await expect(note.count()).resolves.toBe(0);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('a typed α out of range is clamped with a note, text that is no number is refused, the page stays usable', async () => {
		const { page, problems } = await openLab('/en/lab/?version=v3-large&alpha=1&res=224');
		const box = page.locator('[data-testid="alpha-input"]');
		await box.fill('7');
		await box.press('Enter');
		await expectTotals(page, { version: 'v3-large', alpha: ALPHA_RANGE.max, resolution: 224 });
		await expect(box.inputValue()).resolves.toBe(String(ALPHA_RANGE.max));
		await expect(page.locator('[data-testid="clamp-note"] li').textContent()).resolves.toContain(
			'“7”'
		);
		// Text that is no number changes nothing, and the note says what the lab kept.
		await box.fill('abc');
		await box.press('Enter');
		await expect
			.poll(() => page.locator('[data-testid="clamp-note"] li').textContent())
			.toContain('“abc”');
		await expectTotals(page, { version: 'v3-large', alpha: ALPHA_RANGE.max, resolution: 224 });
		await expect(box.inputValue()).resolves.toBe(String(ALPHA_RANGE.max));
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('bars and rows highlight each other; arrow keys walk the bars', async () => {
		const { page, problems } = await openLab('/en/lab/?version=v1&alpha=1&res=224');
		const layers = expected({ version: 'v1', alpha: 1, resolution: 224 }).layers;
		const bars = page.locator('[data-testid="macs-chart"] g.bar');
		await bars.nth(3).hover();
		await expect(
			page.locator(`tr[data-layer="${layers[3]!.name}"]`).getAttribute('class')
		).resolves.toContain('highlighted');
		await page.locator(`tr[data-layer="${layers[5]!.name}"]`).hover();
		await expect(bars.nth(5).getAttribute('class')).resolves.toContain('highlighted');
		await bars.nth(0).focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(
			page.evaluate(() => document.activeElement?.getAttribute('data-layer'))
		).resolves.toBe(layers[2]!.name);
		await expect(page.locator('[data-testid="chart-readout"]').textContent()).resolves.toContain(
			layers[2]!.name
		);
		await page.keyboard.press('End');
		await expect(
			page.evaluate(() => document.activeElement?.getAttribute('data-layer'))
		).resolves.toBe(layers.at(-1)!.name);
		// The last row was scrolled into view inside the table's box.
		const rowInBox = await page
			.locator(`tr[data-layer="${layers.at(-1)!.name}"]`)
			.evaluate((row) => {
				const box = row.closest('[role="region"]')!.getBoundingClientRect();
				const r = row.getBoundingClientRect();
				return r.top >= box.top && r.bottom <= box.bottom;
			});
		expect(rowInBox).toBe(true);

		// The log scale lifts the small bars: the classifier's bar grows relative to the tallest.
		const relativeHeight = () =>
			page.locator('[data-testid="macs-chart"]').evaluate((svg) => {
				const heights = [...svg.querySelectorAll('rect.fill')].map((r) =>
					Number(r.getAttribute('height'))
				);
				return heights.at(-1)! / Math.max(...heights);
			});
		const linear = await relativeHeight();
		await page.locator('input[name="lab-scale"][value="log"]').check();
		await expect.poll(relativeHeight).toBeGreaterThan(linear * 5);
		await bars.nth(7).hover();
		await screenshot(page, 'lab-en-chart-log');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('switching language keeps the configuration', async () => {
		const { page, problems } = await openLab('/en/lab/?version=v3-small&alpha=0.75&res=160');
		await expectTotals(page, { version: 'v3-small', alpha: 0.75, resolution: 160 });
		await page.locator('[data-testid="language-switcher"] a[data-lang="zh"]').click();
		await page.waitForURL(/\/zh\/lab\/\?version=v3-small&alpha=0\.75&res=160$/);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hans');
		await expectTotals(page, { version: 'v3-small', alpha: 0.75, resolution: 160 });
		await expect(page.locator('h1').textContent()).resolves.toBe(
			JSON.parse(readFileSync('messages/zh.json', 'utf8')).lab_title
		);
		// A fresh load of the Chinese link shows the same state.
		await page.reload();
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
		await expectTotals(page, { version: 'v3-small', alpha: 0.75, resolution: 160 });
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	describe('accessibility (axe-core)', () => {
		for (const scheme of ['light', 'dark'] as const) {
			it(`has no serious or critical violation (${scheme})`, async () => {
				// axe is injected as an inline script, which the site's CSP (rightly) forbids.
				const { page } = await openPage(browser, '/en/lab/?version=v3-large&alpha=1&res=224', {
					bypassCSP: true,
					colorScheme: scheme
				});
				await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
				expect(await seriousA11yViolations(page)).toEqual([]);
				await page.context().close();
			});
		}
	});

	describe('screenshots', () => {
		const cases = [
			{ lang: 'en', scheme: 'light', phone: false },
			{ lang: 'en', scheme: 'dark', phone: false },
			{ lang: 'zh', scheme: 'light', phone: false },
			{ lang: 'zh', scheme: 'dark', phone: false },
			{ lang: 'en', scheme: 'light', phone: true },
			{ lang: 'zh', scheme: 'dark', phone: true }
		] as const;
		for (const { lang, scheme, phone } of cases) {
			const name = `lab-${lang}-${scheme}${phone ? '-phone' : ''}`;
			it(name, async () => {
				const { page, problems } = await openLab(`/${lang}/lab/?version=v2&alpha=1&res=224`, {
					colorScheme: scheme,
					...(phone
						? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
						: {})
				});
				await expectTotals(page, { version: 'v2', alpha: 1, resolution: 224 });
				// Nothing in the lab may stick out sideways: the tables scroll inside their own boxes.
				const overflow = await page
					.locator('[data-testid="lab"]')
					.evaluate((lab) => lab.scrollWidth - lab.clientWidth);
				expect(overflow).toBe(0);
				await screenshot(page, name);
				expect(problems.errors).toEqual([]);
				await page.context().close();
			});
		}
	});
});
