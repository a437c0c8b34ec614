/**
 * The lab with Google's 8-bit models, as a visitor reaches it: from the home page, with no
 * settings in the address. It opens on a trained network (V1 1.0, from its 8-bit conversion when
 * Google's float copy cannot be reached), says where the weights come from, classifies the shared
 * photos, runs V2 1.0 trained with every block's expansion, depthwise and projection outputs, and
 * takes a BMP file.
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mobilenetV2 } from '../../src/lib/architecture';
import { toBmp } from '../unit/image/bmp';
import { launchBrowser, openPage, screenshot } from './browser';
import { fileTransfer, log, settled, shared, shownImage, upload } from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The shown top-5 as "name 98.1%" lines, for the report. */
async function topFive(page: Page) {
	return page.$$eval('[data-testid="prediction"]', (els) =>
		els.map(
			(el) =>
				`${(el as HTMLElement).dataset.label} ${(Number((el as HTMLElement).dataset.prob) * 100).toFixed(1)}%`
		)
	);
}

async function classifyBoth(page: Page, config: string) {
	const coffee = await upload(page, shared('coffee.png'), config);
	console.log(`${config} coffee.png: ${(await topFive(page)).join(' | ')}`);
	expect(coffee[0]!.label).toBe('espresso');
	const cat = await upload(page, shared('chelsea.png'), config);
	console.log(`${config} chelsea.png: ${(await topFive(page)).join(' | ')}`);
	expect(cat[0]!.label).toBe('Egyptian cat');
}

describe('the lab with Google’s 8-bit MobileNets', () => {
	it('opens on trained V1 1.0 from the home page, and runs V2 1.0 trained with its blocks’ outputs', async () => {
		const { page, problems } = await openPage(browser, '/en/');
		await page.getByRole('link', { name: 'Open the lab' }).click();
		await page.waitForURL(/\/en\/lab\/$/);
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
		// No settings in the address: the widest trained network this server can give.
		await expect(page.locator('input[name="version"][value="v1"]').isChecked()).resolves.toBe(true);
		const status = page.locator('[data-testid="weights-status"][data-state="trained"]');
		await status.waitFor({ timeout: 60_000 });
		// Google's float V1 1.0 is not reachable here: its 8-bit conversion, served by this site.
		await expect(page.locator('[data-testid="weights-source"]').textContent()).resolves.toMatch(
			/8-bit ImageNet weights for MobileNetV1, α = 1\.00: trained for 8-bit inference \(quantization-aware training\)[\s\S]*Served by this site\.[\s\S]*top-1 accuracy: 70\.0% \(TensorFlow Lite hosted models\)/
		);
		expect(new URL(page.url()).search).toBe('');
		await classifyBoth(page, 'v1/1/224');

		// MobileNetV2, α stays 1.0: trained too.
		await page.locator('input[name="version"][value="v2"]').check();
		expect(await settled(page, 'v2/1/224')).toHaveLength(5);
		await status.waitFor();
		await expect(page.locator('[data-testid="weights-source"]').textContent()).resolves.toMatch(
			/8-bit ImageNet weights for MobileNetV2[\s\S]*70\.8%/
		);
		await classifyBoth(page, 'v2/1/224');

		// A block's three outputs: the wide expansion, its depthwise filtering, the narrow linear
		// bottleneck, each with the spec's channels.
		const spec = mobilenetV2(1, 224);
		for (const name of ['block_3_expand', 'block_3_depthwise', 'block_3_project']) {
			await page.locator(`[data-testid="strip-layer"][data-layer="${name}"]`).click();
			const grid = page.locator(
				`[data-testid="layer-maps"][data-layer="${name}"] [data-testid="feature-map-grid"]`
			);
			await grid.waitFor({ timeout: 60_000 });
			const layer = spec.layers.find((l) => l.name === name)!;
			await expect(grid.getAttribute('data-channels')).resolves.toBe(String(layer.output[2]));
			if (name === 'block_3_project') await screenshot(page, 'live-v2-block3-project');
		}
		expect(problems.errors).toEqual([]);
		expect(problems.foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('takes a BMP file and says why V2 at another width runs untrained', async () => {
		const { page, problems } = await openPage(browser, '/en/lab/?version=v2&alpha=1&res=224');
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
		const png = PNG.sync.read(readFileSync(shared('coffee.png')));
		const before = await shownImage(page);
		const transfer = await fileTransfer(page, {
			bytes: Buffer.from(toBmp(png)),
			name: 'coffee.bmp',
			type: 'image/bmp'
		});
		await page
			.locator('[data-testid="image-drop"]')
			.dispatchEvent('drop', { dataTransfer: transfer });
		const cup = await settled(page, 'v2/1/224', before);
		log('coffee.bmp V2 1.0', cup);
		expect(cup[0]!.label).toBe('espresso');
		await expect(
			page.locator('[data-testid="original-image"]').getAttribute('data-width')
		).resolves.toBe('600');

		await page.goto(page.url().replace('alpha=1', 'alpha=0.5'));
		const untrained = page.locator('[data-testid="weights-status"][data-state="untrained"]');
		await untrained.waitFor({ timeout: 60_000 });
		await expect(untrained.textContent()).resolves.toContain(
			'only α = 1.0 has trained weights here'
		);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	for (const [lang, width, height] of [
		['en', 1366, 768],
		['ru', 390, 844],
		['zh', 1024, 768]
	] as const) {
		it(`shows trained V2 in ${lang} at ${width}×${height}`, async () => {
			const { page, problems } = await openPage(
				browser,
				`/${lang}/lab/?version=v2&alpha=1&res=224`,
				{ viewport: { width, height } }
			);
			await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
			await upload(page, shared('chelsea.png'), 'v2/1/224');
			await page.locator('[data-testid="strip-layer"][data-layer="block_2_expand"]').click();
			await page.locator('[data-testid="feature-map-grid"]').waitFor({ timeout: 60_000 });
			await page.locator('[data-testid="live"]').screenshot({
				path: `test-output/screenshots/live-v2-${lang}-${width}.png`
			});
			expect(problems.errors).toEqual([]);
			await page.context().close();
		});
	}
});
