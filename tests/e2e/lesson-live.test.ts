/**
 * Lesson 10's live widgets on their lesson page, reached from the lesson list as a reader does:
 * nothing of tfjs or the weights loads with the page; each widget's button loads its network and
 * shows real results (LiveLatency a row per layer kind with a measured rate, LiveQuantization's
 * per-tensor switch changing the top 5 and "off" restoring it exactly, LiveWeights classifying the
 * coffee photo and an 8-bit histogram); leaving the page frees every tensor the widgets made.
 * One page, the three widgets in sequence. Then without weights (a clear message, the widget still
 * usable), and on a phone in Russian (touch targets, no sideways scroll, axe).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSpec } from '../../src/lib/architecture';
import { launchBrowser, openPage, screenshotOf } from './browser';
import { seriousA11yViolations } from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const SLUG = 'latency-and-8-bit';

/** Tensors tfjs holds in the page; null while tfjs has not loaded (its engine is a global). */
function tensors(page: Page): Promise<number | null> {
	return page.evaluate(
		() =>
			(globalThis as { _tfengine?: { memory(): { numTensors: number } } })._tfengine?.memory()
				.numTensors ?? null
	);
}

/**
 * Scrolls to a widget and presses its button until it starts: a press that lands before the
 * island has hydrated is replayed by the island, but one before its code was asked for is not.
 */
async function start(widget: Locator): Promise<void> {
	await widget.scrollIntoViewIfNeeded();
	await expect
		.poll(
			async () => {
				const state = await widget.getAttribute('data-state');
				if (state === 'idle') await widget.getByTestId('live-start').click();
				return state;
			},
			{ timeout: 15_000 }
		)
		.not.toBe('idle');
	await expect
		.poll(() => widget.getAttribute('data-state'), { timeout: 90_000, interval: 250 })
		.toBe('started');
}

/** The shown top 5 of a widget, as [label, probability]. */
function topFive(widget: Locator): Promise<[string, number][]> {
	return widget
		.locator('[data-testid="prediction"]')
		.evaluateAll((els) =>
			els.map((el) => [
				(el as HTMLElement).dataset.label!,
				Number((el as HTMLElement).dataset.prob)
			])
		);
}

/** Picks an "8-bit weights" setting and waits until its result is shown. */
async function quantize(widget: Locator, mode: 'off' | 'per-tensor' | 'per-channel') {
	await widget.locator(`[data-testid="quantize-switch"] input[value="${mode}"]`).check();
	await expect
		.poll(
			async () => {
				if ((await widget.getAttribute('data-pending')) !== 'false') return false;
				const compare = widget.getByTestId('quant-compare');
				if (mode === 'off') return (await compare.count()) === 0;
				return (await compare.getAttribute('data-mode')) === mode;
			},
			{ timeout: 60_000 }
		)
		.toBe(true);
}

describe('lesson 10’s live widgets', () => {
	it('load nothing until asked, then measure, quantize and classify, and free their tensors', async () => {
		const { page, problems } = await openPage(browser, '/en/learn/', {
			viewport: { width: 1366, height: 768 }
		});
		const models: string[] = [];
		page.on('request', (request) => {
			if (new URL(request.url()).pathname.startsWith('/models/')) models.push(request.url());
		});
		await page.locator(`[data-testid="lesson-index"] a[href$="/learn/${SLUG}/"]`).click();
		await page.waitForURL(new RegExp(`/en/learn/${SLUG}/$`));
		const latency = page.getByTestId('live-latency');
		const quantization = page.getByTestId('live-quantization');
		const weights = page.getByTestId('live-weights');
		// Every widget scrolled past (so its island hydrates and its code loads): still no tfjs.
		for (const widget of [latency, quantization, weights]) {
			await widget.scrollIntoViewIfNeeded();
			await expect(widget.getAttribute('data-state')).resolves.toBe('idle');
		}
		await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
		expect(await tensors(page)).toBeNull();
		expect(models).toEqual([]);

		// The latency chart is one image to a screen reader: its points are read from a list.
		const chart = page.getByTestId('latency-chart');
		const plotted = await chart
			.getByTestId('latency-point')
			.evaluateAll((els) => els.map((el) => el.getAttribute('data-row')!));
		expect(plotted.length).toBeGreaterThan(0);
		const read = await chart.getByTestId('latency-values').getByRole('listitem').allTextContents();
		expect(read).toHaveLength(plotted.length);
		expect(read.map((text) => text.trim().split(': ')[0])).toEqual(plotted);
		for (const text of read) expect(text.trim()).toMatch(/ ms$/);
		// Each widget has a status region from the start, so what it says while loading is announced.
		for (const widget of [latency, quantization, weights]) {
			await expect(widget.getByRole('status').count()).resolves.toBe(1);
		}

		// LiveLatency: a row per layer kind; every kind that does mult-adds runs at a positive rate.
		await start(latency);
		const v2 = buildSpec({ version: 'v2', alpha: 1, resolution: 224 });
		const rows = await latency.getByTestId('tvm-kind').evaluateAll((els) =>
			els.map((el) => ({
				kind: el.getAttribute('data-kind')!,
				rate: el.hasAttribute('data-rate') ? Number(el.getAttribute('data-rate')) : null
			}))
		);
		expect(rows.map((row) => row.kind).sort()).toEqual(
			[...new Set(v2.layers.map((l) => l.kind))].sort()
		);
		for (const { kind, rate } of rows) {
			const macs = v2.layers.some((l) => l.kind === kind && l.macs > 0);
			expect(rate, kind).toEqual(macs ? expect.any(Number) : null);
			if (macs) expect(rate, kind).toBeGreaterThan(0);
		}
		await expect(latency.locator('[data-testid="tvm-rates"] rect').count()).resolves.toBe(
			v2.layers.filter((l) => l.macs > 0).length
		);
		console.log('LiveLatency GMAC/s by kind:', JSON.stringify(rows));

		// LiveQuantization: per tensor changes the top 5; off restores it to the last bit.
		await start(quantization);
		const float = await topFive(quantization);
		expect(float).toHaveLength(5);
		await quantize(quantization, 'per-tensor');
		const after = await quantization
			.locator('[data-testid="quant-after"] li')
			.evaluateAll((els) =>
				els.map((el) => [el.getAttribute('data-label'), Number(el.getAttribute('data-prob'))])
			);
		expect(after).not.toEqual(float);
		await expect(
			quantization
				.locator('[data-testid="quant-before"] li')
				.evaluateAll((els) =>
					els.map((el) => [el.getAttribute('data-label'), Number(el.getAttribute('data-prob'))])
				)
		).resolves.toEqual(float);
		await quantize(quantization, 'off');
		await expect(topFive(quantization)).resolves.toEqual(float);

		// LiveWeights: espresso for the coffee photo; a depthwise layer's 8-bit levels.
		await start(weights);
		const classes = await topFive(weights);
		expect(classes[0]![0]).toBe('espresso');
		const histogram = weights.getByTestId('weight-histogram');
		await expect(histogram.getAttribute('data-layer')).resolves.toBe('block_3_depthwise');
		await expect(histogram.getAttribute('data-levels')).resolves.toBe('256');
		const used = Number(await histogram.getAttribute('data-used'));
		expect(used).toBeGreaterThan(1);
		expect(used).toBeLessThanOrEqual(256);
		await weights.getByTestId('weights-layer').selectOption('block_3_project');
		await expect.poll(() => histogram.getAttribute('data-layer')).toBe('block_3_project');
		// Google's 8-bit MobileNetV1 on the same photo: its own 8-bit levels (the float V1 is never
		// handed over), and espresso again. Its layer exists only once its result is in.
		await weights.getByTestId('weights-net-v1').click();
		await expect
			.poll(() => histogram.getAttribute('data-layer'), { timeout: 60_000 })
			.toBe('conv_dw_3');
		await expect(histogram.getAttribute('data-levels')).resolves.toBe('256');
		await expect.poll(async () => (await topFive(weights))[0]?.[0]).toBe('espresso');
		await screenshotOf(weights, 'lesson-live-weights-test');

		// Leaving the lesson unmounts the widgets: every tensor they made is freed.
		expect(await tensors(page)).toBeGreaterThan(0);
		await page.locator(`a[href$="/en/learn/"]`).first().click();
		await page.waitForURL(/\/en\/learn\/$/);
		await expect.poll(() => tensors(page), { timeout: 10_000 }).toBe(0);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	}, 150_000);

	it('says so when the weights cannot be had, and the page stays usable', async () => {
		// A server without weights: as offline, or before `npm run models`.
		const { page, problems } = await openPage(browser, `/en/learn/${SLUG}/`, {
			base: inject('offlineBaseURL')
		});
		const weights = page.getByTestId('live-weights');
		await start(weights);
		const status = weights.locator('[data-testid="weights-status"][data-state="untrained"]');
		await expect(status.getByTestId('untrained-note').textContent()).resolves.toContain(
			'could not be downloaded'
		);
		await expect(status.getByTestId('weights-retry').isEnabled()).resolves.toBe(true);
		await expect(weights.getByTestId('predictions').getAttribute('data-trained')).resolves.toBe(
			'false'
		);
		// Still usable: another photo runs through the same (untrained) network.
		const first = await weights.getByTestId('predictions').getAttribute('data-image');
		await weights.locator('[data-testid="sample"][data-sample="chelsea.png"]').click();
		await expect
			.poll(() => weights.getByTestId('predictions').getAttribute('data-image'), {
				timeout: 30_000
			})
			.not.toBe(first);
		expect(problems.failedWeightRequests.length).toBeGreaterThan(0);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	}, 60_000);

	it('works on a phone, in Russian: touch targets of 44 px, nothing sideways, axe clean', async () => {
		// bypassCSP: axe is injected as an inline script.
		const { page, problems } = await openPage(browser, `/ru/learn/${SLUG}/`, {
			viewport: { width: 390, height: 844 },
			bypassCSP: true
		});
		const quantization = page.getByTestId('live-quantization');
		await start(quantization);
		await quantize(quantization, 'per-channel');
		const small = await page
			.locator('[data-testid^="live-"] :is(button, select, label:has(input[type="radio"])):visible')
			.evaluateAll((els) =>
				els
					.map((el) => ({
						what: el.outerHTML.slice(0, 60),
						height: el.getBoundingClientRect().height
					}))
					.filter((target) => target.height < 44)
			);
		expect(small).toEqual([]);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		expect(await seriousA11yViolations(page)).toEqual([]);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	}, 60_000);
});
