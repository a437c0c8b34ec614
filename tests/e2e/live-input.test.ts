/**
 * Images given to the lab by drag and drop and by pasting, and recovering from a failed weight
 * download with the Retry button.
 */
import { PNG } from 'pngjs';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import {
	fileTransfer,
	log,
	openLive,
	predictions,
	settled,
	shared,
	sharedFile,
	shownImage,
	upload
} from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const CONFIG = 'v1/0.25/224';

describe('images from outside the file picker', () => {
	it('classifies a dropped file, with feedback while dragging', async () => {
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224');
		const cup = await upload(page, shared('coffee.png'), CONFIG);
		expect(cup[0]!.label).toBe('espresso');

		const drop = page.locator('[data-testid="image-drop"]');
		const transfer = await fileTransfer(page, sharedFile('chelsea.png'));
		await drop.dispatchEvent('dragenter', { dataTransfer: transfer });
		await drop.dispatchEvent('dragover', { dataTransfer: transfer });
		await expect(drop.getAttribute('class')).resolves.toContain('dragging');
		await screenshot(page, 'live-dragging');
		const before = await shownImage(page);
		await drop.dispatchEvent('drop', { dataTransfer: transfer });
		const cat = await settled(page, CONFIG, before);
		log('dropped chelsea', cat);
		expect(cat[0]!.label).toMatch(/cat/);
		expect(cat).not.toEqual(cup);
		await expect(drop.getAttribute('class')).resolves.not.toContain('dragging');
		const { width } = PNG.sync.read(readFileSync(shared('chelsea.png')));
		await expect(
			page.locator('[data-testid="original-image"]').getAttribute('data-width')
		).resolves.toBe(String(width));
		await expect(page.locator('.previews figcaption').first().textContent()).resolves.toContain(
			'chelsea.png'
		);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('classifies a pasted image, and refuses a pasted non-image without losing the last one', async () => {
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224');
		const cat = await upload(page, shared('chelsea.png'), CONFIG);

		const paste = async (file: Parameters<typeof fileTransfer>[1]) => {
			const transfer = await fileTransfer(page, file);
			await page.evaluate((clipboardData) => {
				const event = new ClipboardEvent('paste', {
					clipboardData,
					bubbles: true,
					cancelable: true
				});
				document.body.dispatchEvent(event);
			}, transfer);
		};

		const before = await shownImage(page);
		// What a browser puts on the clipboard when an image is copied: a nameless-looking "image.png".
		await paste({ ...sharedFile('coffee.png'), name: 'image.png' });
		const cup = await settled(page, CONFIG, before);
		log('pasted coffee', cup);
		expect(cup[0]!.label).toBe('espresso');
		expect(cup).not.toEqual(cat);

		const kept = await shownImage(page);
		await paste({ bytes: Buffer.from('not a picture\n'), name: 'notes.png', type: 'image/png' });
		const error = page.locator('[data-testid="image-error"][data-kind="unknown-format"]');
		await error.waitFor({ timeout: 10_000 });
		await expect(error.textContent()).resolves.toContain('previous image stays');
		expect(await shownImage(page)).toBe(kept);
		expect(await predictions(page)).toEqual(cup);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});

describe('a failed weight download', () => {
	it('shows the failure with a Retry button that loads the weights once the network is back', async () => {
		const origin = new URL(inject('baseURL')).origin;
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224', {
			serviceWorkers: 'block'
		});
		// The classroom's network drops: no weights from this server or from Google.
		const blocked = (url: URL) =>
			url.pathname.startsWith('/models/') || !url.href.startsWith(origin);
		await page.context().route(blocked, (route) => route.abort('internetdisconnected'));
		await page.reload();
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();

		const status = page.locator('[data-testid="weights-status"]');
		await page.locator('[data-testid="weights-status"][data-state="untrained"]').waitFor({
			timeout: 60_000
		});
		await expect(status.textContent()).resolves.toContain('could not be downloaded');
		const retry = page.locator('[data-testid="weights-retry"]');
		await expect(retry.isVisible()).resolves.toBe(true);
		const meaningless = await upload(page, shared('coffee.png'), CONFIG);
		log('coffee, seeded weights', meaningless);
		expect(meaningless[0]!.label).not.toBe('espresso');
		await screenshot(page, 'live-download-failed');

		// Still offline: Retry fails again, says so again, and the lab stays usable.
		const failedBefore = problems.failedWeightRequests.length;
		await retry.click();
		await expect.poll(() => problems.failedWeightRequests.length).toBeGreaterThan(failedBefore);
		await page.locator('[data-testid="weights-status"][data-state="untrained"]').waitFor();
		await retry.waitFor();

		await page.context().unroute(blocked);
		await retry.click();
		await page.locator('[data-testid="weights-status"][data-state="trained"]').waitFor({
			timeout: 60_000
		});
		await expect(retry.count()).resolves.toBe(0);
		await page.waitForFunction(
			() =>
				document.querySelector('[data-testid="live"]')?.getAttribute('data-pending') === 'false' &&
				document.querySelector('[data-testid="prediction"]')?.getAttribute('data-label') ===
					'espresso',
			undefined,
			{ timeout: 60_000 }
		);
		const trained = await predictions(page);
		log('coffee after retry', trained);
		expect(trained[0]!.prob).toBeGreaterThan(0.9);
		// The only failures are the blocked weight requests themselves.
		expect(problems.failedWeightRequests.length).toBeGreaterThan(0);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});
