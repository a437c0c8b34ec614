/**
 * The lab's live network in Chromium: official weights from the test server's /models/, real
 * photos classified, resolution changes, bad files that must not break anything, feature maps,
 * and the untrained fallback when no weights can be had.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildSpec } from '../../src/lib/architecture';
import { launchBrowser, screenshot } from './browser';
import {
	log,
	openLive as open,
	predictions,
	setResolution,
	settled,
	shared,
	shownImage,
	upload
} from './live-helpers';
const imagemagick = existsSync('/usr/bin/convert') ? '/usr/bin/convert' : null;

let browser: Browser;
let dir: string;
const files: Record<string, string> = {};

function crc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const b of bytes) {
		crc ^= b;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return (crc ^ 0xffffffff) >>> 0;
}

/** A well-formed PNG whose IHDR claims width×height, with a 1-pixel IDAT. */
function claimedPng(width: number, height: number): Buffer {
	const png = new PNG({ width: 1, height: 1 });
	const out = Buffer.from(PNG.sync.write(png));
	out.writeUInt32BE(width, 16);
	out.writeUInt32BE(height, 20);
	out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
	return out;
}

function write(name: string, data: string | Uint8Array) {
	files[name] = join(dir, name);
	writeFileSync(files[name], data);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'separable-live-'));
	const coffee = PNG.sync.read(readFileSync(shared('coffee.png')));
	const rocket = readFileSync(shared('rocket.jpg'));
	write('empty.png', '');
	write('truncated.jpg', rocket.subarray(0, rocket.length >> 1));
	write('notes.png', 'These are my notes, not a picture.\n');
	write('huge.png', claimedPng(20000, 20000));
	write(
		'drawing.svg',
		'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><circle cx="50" cy="50" r="40" fill="red"/></svg>\n'
	);
	const data16 = new Uint16Array(coffee.data.length);
	for (let i = 0; i < data16.length; i++) data16[i] = coffee.data[i]! * 257;
	write(
		'coffee16.png',
		PNG.sync.write({ width: coffee.width, height: coffee.height, data: data16 } as unknown as PNG, {
			colorType: 2,
			bitDepth: 16
		})
	);
	write('coffee-gray.png', PNG.sync.write(coffee, { colorType: 0 }));
	const strip = new PNG({ width: 1, height: 5000 });
	for (let y = 0; y < 5000; y++) strip.data.set([y % 256, 128, 255 - (y % 256), 255], y * 4);
	write('strip.png', PNG.sync.write(strip));
	if (imagemagick) {
		files['anim.gif'] = join(dir, 'anim.gif');
		execFileSync(imagemagick, [
			'-size',
			'64x48',
			'xc:red',
			'-size',
			'64x48',
			'xc:blue',
			'-loop',
			'0',
			'-delay',
			'20',
			files['anim.gif']
		]);
		files['cmyk.jpg'] = join(dir, 'cmyk.jpg');
		execFileSync(imagemagick, [shared('coffee.png'), '-colorspace', 'CMYK', files['cmyk.jpg']]);
	}
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});

const openLive = (query: string, options: Parameters<typeof open>[2] = {}) =>
	open(browser, query, options);

describe('live network', () => {
	it('classifies with the official α 0.25 weights, re-runs on resolution changes, shows feature maps', async () => {
		const { page, problems } = await openLive('version=v1&alpha=0.25&res=224');
		await page.locator('[data-testid="weights-status"][data-state="trained"]').waitFor({
			timeout: 60_000
		});

		const coffee = await upload(page, shared('coffee.png'), 'v1/0.25/224');
		log('coffee α0.25 224', coffee);
		expect(coffee).toHaveLength(5);
		expect(coffee[0]!.label).toBe('espresso');
		// The reference figure (../shared/README.md): the file read, decoded and resized in the page
		// as the weights were trained (TF-slim's bilinear resize, preprocess.ts), not by a canvas.
		expect(coffee[0]!.prob).toBeCloseTo(0.94, 2);
		const input = page.locator('[data-testid="network-input"]');
		await expect(input.getAttribute('data-width')).resolves.toBe('224');

		// Feature maps: every channel of a layer on one canvas; a click enlarges one channel.
		await page.locator('[data-testid="strip-layer"][data-layer="conv_dw_2"]').click();
		const grid = page.locator('[data-testid="feature-map-grid"]');
		await grid.waitFor();
		const channels = buildSpec({ version: 'v1', alpha: 0.25, resolution: 224 }).layers.find(
			(l) => l.name === 'conv_dw_2'
		)!.output[2];
		await expect(grid.getAttribute('data-channels')).resolves.toBe(String(channels));
		const painted = await grid.evaluate((c: HTMLCanvasElement) => {
			const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
			const colours = new Set<number>();
			for (let i = 0; i < d.length; i += 4 * 17)
				colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
			return colours.size;
		});
		expect(painted).toBeGreaterThan(20);
		await grid.click({ position: { x: 5, y: 5 } });
		const channel = page.locator('[data-testid="channel-view"]');
		await expect(channel.getAttribute('data-channel')).resolves.toBe('0');
		await channel.locator('canvas').hover({ position: { x: 40, y: 40 } });
		await expect(page.locator('[data-testid="channel-value"]').textContent()).resolves.toMatch(
			/x \d+, y \d+: -?[\d.,]+/
		);
		await screenshot(page, 'live-coffee-feature-maps');
		// Per-layer time, measured by the session on demand.
		await page.locator('[data-testid="measure"]').click();
		await page.locator('[data-testid="layer-time"]').waitFor();
		await expect(page.locator('[data-testid="layer-time"]').textContent()).resolves.toMatch(
			/measured [\d.]+ ms/
		);

		// Resolution 160: a new pass, other probabilities, other totals.
		const macs224 = await page.locator('[data-testid="total-macs"]').getAttribute('data-value');
		await setResolution(page, 160);
		const at160 = await settled(page, 'v1/0.25/160');
		log('coffee α0.25 160', at160);
		expect(at160[0]!.prob).not.toBe(coffee[0]!.prob);
		const macs160 = await page.locator('[data-testid="total-macs"]').getAttribute('data-value');
		expect(Number(macs160)).toBe(
			buildSpec({ version: 'v1', alpha: 0.25, resolution: 160 }).totals.macs
		);
		expect(macs160).not.toBe(macs224);
		await expect(input.getAttribute('data-width')).resolves.toBe('160');
		// The open layer's maps follow the new pass.
		await expect(grid.isVisible()).resolves.toBe(true);

		// Rapid changes: the network runs where they come to rest, so only the last one's result
		// is ever shown, and it stays.
		await page.evaluate(() => {
			const list = document.querySelector('[data-testid="predictions"]')!;
			const seen: string[] = [];
			(window as unknown as { seenConfigs: string[] }).seenConfigs = seen;
			new MutationObserver(() => seen.push(list.getAttribute('data-config') ?? '')).observe(list, {
				attributeFilter: ['data-config']
			});
		});
		// Typed in quick succession (20 ms apart), each one applied before the next.
		await page.evaluate(
			async (values) => {
				const box = document.querySelector<HTMLInputElement>('[data-testid="res-input"]')!;
				for (const res of values) {
					box.value = String(res);
					box.dispatchEvent(new Event('change', { bubbles: true }));
					await new Promise((done) => setTimeout(done, 20));
				}
			},
			[192, 128, 208, 176]
		);
		const last = await settled(page, 'v1/0.25/176');
		await expect(
			page.evaluate(() => (window as unknown as { seenConfigs: string[] }).seenConfigs)
		).resolves.toEqual(['v1/0.25/176']);
		await page.waitForTimeout(500);
		await expect(
			page.locator('[data-testid="predictions"]').getAttribute('data-config')
		).resolves.toBe('v1/0.25/176');
		expect(await predictions(page)).toEqual(last);
		await setResolution(page, 224);
		await settled(page, 'v1/0.25/224');

		const cat = await upload(page, shared('chelsea.png'), 'v1/0.25/224');
		log('chelsea α0.25 224', cat);
		expect(cat[0]!.label).toMatch(/cat/);

		expect(problems.errors).toEqual([]);
		expect(problems.foreignRequests).toEqual([]);
	});

	it('keeps the previous image and its classes for every bad file, and handles odd but valid ones', async () => {
		const { page, problems } = await openLive('version=v1&alpha=0.25&res=224');
		const good = await upload(page, shared('coffee.png'), 'v1/0.25/224');
		const goodImage = await shownImage(page);

		const refused: Array<[string, string, RegExp]> = [
			['empty.png', 'empty', /empty/],
			['truncated.jpg', 'truncated', /incomplete/],
			['notes.png', 'unknown-format', /not an image/],
			['huge.png', 'too-many-pixels', /20,000 × 20,000.*50 megapixels/],
			['drawing.svg', 'svg', /SVG/]
		];
		for (const [name, kind, text] of refused) {
			await page.locator('[data-testid="image-input"]').setInputFiles(files[name]!);
			const error = page.locator(`[data-testid="image-error"][data-kind="${kind}"]`);
			await error.waitFor({ timeout: 10_000 });
			await expect(error.textContent()).resolves.toMatch(text);
			await expect(error.textContent()).resolves.toContain('previous image stays');
			expect(await shownImage(page)).toBe(goodImage);
			expect(await predictions(page)).toEqual(good);
			await expect(
				page.locator('[data-testid="original-image"]').getAttribute('data-width')
			).resolves.toBe('600');
		}
		await screenshot(page, 'live-bad-file');

		// Valid but unusual files are decoded and classified; the error goes away.
		const sixteen = await upload(page, files['coffee16.png']!, 'v1/0.25/224');
		expect(sixteen[0]!.label).toBe('espresso');
		await expect(page.locator('[data-testid="image-error"]').count()).resolves.toBe(0);
		const gray = await upload(page, files['coffee-gray.png']!, 'v1/0.25/224');
		log('coffee grayscale', gray);
		expect(gray).toHaveLength(5);
		const strip = await upload(page, files['strip.png']!, 'v1/0.25/224');
		expect(strip).toHaveLength(5);
		await expect(page.locator('[data-testid="image-note"]').textContent()).resolves.toContain(
			'1 × 2048'
		);
		if (imagemagick) {
			await upload(page, files['anim.gif']!, 'v1/0.25/224');
			// The first frame (red), not the second (blue).
			const centre = await page
				.locator('[data-testid="original-image"]')
				.evaluate((c: HTMLCanvasElement) => [
					...c.getContext('2d')!.getImageData(32, 24, 1, 1).data
				]);
			expect(centre.slice(0, 3)).toEqual([255, 0, 0]);
			const cmyk = await upload(page, files['cmyk.jpg']!, 'v1/0.25/224');
			log('coffee CMYK JPEG', cmyk);
			expect(cmyk[0]!.label).toBe('espresso');
		} else {
			console.warn('skipped GIF and CMYK JPEG cases: ImageMagick (/usr/bin/convert) is absent');
		}
		expect(problems.errors).toEqual([]);
	});

	it('uses the α 0.75 weights from the URL and records every sample at 224 and 160', async () => {
		const { page, problems } = await openLive('version=v1&alpha=0.75&res=224');
		await page.locator('[data-testid="weights-status"][data-state="trained"]').waitFor({
			timeout: 60_000
		});
		const coffee = await upload(page, shared('coffee.png'), 'v1/0.75/224');
		log('coffee α0.75 224', coffee);
		expect(coffee[0]!.label).toBe('espresso');
		const cat = await upload(page, shared('chelsea.png'), 'v1/0.75/224');
		log('chelsea α0.75 224', cat);
		expect(cat[0]!.label).toMatch(/cat/);

		// The gallery (downscaled copies in static/samples), for the record.
		for (const res of [224, 160]) {
			await setResolution(page, res);
			await settled(page, `v1/0.75/${res}`);
			for (const sample of ['coffee.png', 'chelsea.png', 'astronaut.png', 'rocket.jpg']) {
				const before = await shownImage(page);
				await page.locator(`[data-testid="sample"][data-sample="${sample}"]`).click();
				log(`sample ${sample} α0.75 ${res}`, await settled(page, `v1/0.75/${res}`, before));
			}
		}
		expect(problems.errors).toEqual([]);
	});

	it('runs untrained, with a badge and the reason, when no weights can be downloaded', async () => {
		const base = inject('offlineBaseURL');
		const origin = new URL(base).origin;
		const { page, problems } = await openLive('version=v1&alpha=0.25&res=224', {
			base,
			serviceWorkers: 'block'
		});
		await page
			.context()
			.route('**/*', (route) =>
				route.request().url().startsWith(origin) ? route.continue() : route.abort()
			);
		await page.reload();
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
		const status = page.locator('[data-testid="weights-status"][data-state="untrained"]');
		await status.waitFor({ timeout: 60_000 });
		await expect(status.textContent()).resolves.toMatch(
			/Untrained weights[\s\S]*meaningless[\s\S]*could not be downloaded/
		);
		const shown = await upload(page, shared('coffee.png'), 'v1/0.25/224');
		expect(shown).toHaveLength(5);
		await screenshot(page, 'live-untrained');
		// No camera here (and no permission): a message, and the lab carries on.
		await page.locator('[data-testid="camera-start"]').click();
		await page.locator('[data-testid="camera-error"]').waitFor({ timeout: 10_000 });
		expect(await predictions(page)).toEqual(shown);
		// The only failures are the weight requests themselves.
		expect(problems.failedWeightRequests.length).toBeGreaterThan(0);
		expect(problems.errors).toEqual([]);

		// V3 has no weights the network can load at all: untrained for that reason, online or not.
		await page.goto(`${base}/en/lab/?version=v3-small&alpha=1&res=224`);
		await page.locator('[data-testid="weights-status"][data-state="untrained"]').waitFor();
		await expect(page.locator('[data-testid="weights-status"]').textContent()).resolves.toContain(
			'only as frozen graphs'
		);
	});
});
