/**
 * The live MobileNet in real Chromium, under the lab's CSP and cross-origin isolation: the
 * backend the lab would pick, the official weights from /models/, classification of sample
 * photos decoded by the browser, the offline cache, and the untrained fallback. Runs a bare page
 * bundled from src/lib/model (scripts/lib/model-harness.js), not the lab UI.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleModelHarness } from '../../scripts/lib/model-harness.js';
import { mobilenetV2 } from '../../src/lib/architecture';
import type { ModelHarness } from '../../scripts/bench/model-page/main';
import {
	developmentModels,
	sharedModelsDir,
	startStaticServer
} from '../../scripts/lib/static-server.js';
import { launchBrowser, openPage } from './browser';

const projectRoot = resolve(import.meta.dirname, '../..');
const modelsDir = sharedModelsDir(projectRoot);
const imagesDir = resolve(projectRoot, '../shared/images');
const present = modelsDir !== null && existsSync(resolve(modelsDir, 'mobilenet_v1_0.25_224'));
if (!present) console.warn('skipped: ../shared/models is absent');

type Harness = ModelHarness;
type Classification = Awaited<ReturnType<Harness['classify']>>;

function classify(
	page: Page,
	request: Parameters<Harness['classify']>[0]
): Promise<Classification> {
	return page.evaluate((r) => window.separableModel.classify(r), request);
}

describe.skipIf(!present)('the model in Chromium', () => {
	let outDir: string;
	let server: Server;
	let base: string;
	let browser: Browser;

	beforeAll(async () => {
		outDir = await bundleModelHarness();
		mkdirSync(resolve(outDir, 'images'));
		for (const name of ['coffee.png', 'chelsea.png']) {
			copyFileSync(resolve(imagesDir, name), resolve(outDir, 'images', name));
		}
		({ server, url: base } = await startStaticServer({
			root: outDir,
			modelsDirs: await developmentModels(projectRoot)
		}));
		browser = await launchBrowser();
		// Bundling the page is a Vite build: 15 s of CPU, minutes of wall time on a shared machine.
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await new Promise((r) => server?.close(r));
		rmSync(outDir, { recursive: true, force: true });
	});

	async function open(setup?: (page: Page) => Promise<void>) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await setup?.(page);
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(`${base}/`);
		await page.waitForSelector('body[data-ready="true"]');
		return { page, context, errors };
	}

	it('classifies with the official weights on wasm + SIMD, at 224 and 160 px, without errors', async () => {
		const { page, problems } = await openPage(browser, '/', { base });
		await page.waitForSelector('body[data-ready="true"]');
		const cup = await classify(page, {
			image: '/images/coffee.png',
			config: { version: 'v1', alpha: 0.25, resolution: 224 }
		});
		expect(cup.backend).toMatchObject({ name: 'wasm', simd: true, threads: 1, isolated: true });
		expect(cup.status).toMatchObject({ weights: 'trained', source: { kind: 'same-origin' } });
		expect(cup.top[0]!.name).toBe('espresso');
		expect(cup.top[0]!.probability).toBeCloseTo(0.94, 2);
		expect(cup.input).toEqual([224, 224]);
		expect(cup.layers).toHaveLength(29);
		expect(cup.lastProgress).toMatchObject({ fraction: 1 });

		const cat = await classify(page, {
			image: '/images/chelsea.png',
			config: { version: 'v1', alpha: 0.25, resolution: 160 }
		});
		expect(cat.top[0]!.name).toBe('Egyptian cat');
		expect(cat.input).toEqual([160, 160]);
		// Same network, same weights: nothing new is held.
		const again = await classify(page, {
			image: '/images/chelsea.png',
			config: { version: 'v1', alpha: 0.25, resolution: 160 }
		});
		expect(again.tensors).toBe(cat.tensors);

		const small = await classify(page, {
			image: '/images/chelsea.png',
			config: { version: 'v3-small', alpha: 1, resolution: 224 }
		});
		expect(small.status).toMatchObject({ weights: 'untrained', reason: 'no-layers-weights' });
		expect(small.top).toHaveLength(5);
		expect(problems.errors).toEqual([]);
		expect(problems.foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('runs Google’s 8-bit V2 and V1 1.0, and holds no more tensors after 100 passes', async () => {
		const { page, problems } = await openPage(browser, '/', { base });
		await page.waitForSelector('body[data-ready="true"]');
		const v2 = { version: 'v2' as const, alpha: 1, resolution: 224 };
		const cup = await classify(page, { image: '/images/coffee.png', config: v2 });
		expect(cup.status).toMatchObject({
			weights: 'trained',
			model: { id: 'mobilenet_v2_1.0_224_quant', precision: 'uint8' }
		});
		expect(cup.top[0]!.name).toBe('espresso');
		// Every block's expansion, depthwise and projection output comes from the one pass.
		expect(cup.layers).toEqual(mobilenetV2(1, 224).layers.map((l) => l.name));
		const cat = await classify(page, {
			image: '/images/chelsea.png',
			config: { version: 'v1', alpha: 1, resolution: 224 }
		});
		expect(cat.status).toMatchObject({ model: { id: 'mobilenet_v1_1.0_224_quant' } });
		expect(cat.top[0]!.name).toBe('Egyptian cat');

		const baseline = await classify(page, { image: '/images/coffee.png', config: v2 });
		const after = await classify(page, { image: '/images/coffee.png', config: v2, passes: 100 });
		expect(after.tensors).toBe(baseline.tensors);
		expect(after.top).toEqual(baseline.top);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('rounds float weights to 8 bits on request, and switching back restores the result exactly', async () => {
		const { page, problems } = await openPage(browser, '/', { base });
		await page.waitForSelector('body[data-ready="true"]');
		const request = {
			image: '/images/chelsea.png',
			config: { version: 'v1' as const, alpha: 0.25, resolution: 224 }
		};
		const float = await classify(page, request);
		const perTensor = await classify(page, { ...request, quantize: 'per-tensor' });
		const perChannel = await classify(page, { ...request, quantize: 'per-channel' });
		const back = await classify(page, { ...request, quantize: null });
		expect(float.quantized).toBeNull();
		expect(perTensor.quantized!.mode).toBe('per-tensor');
		expect(perChannel.quantized!.mode).toBe('per-channel');
		const percents = (r: typeof float) =>
			r.top.map((c) => `${c.name} ${(c.probability * 100).toFixed(2)}%`);
		console.log(`V1 0.25 chelsea float: ${percents(float).join(' | ')}`);
		console.log(`V1 0.25 chelsea per-tensor: ${percents(perTensor).join(' | ')}`);
		console.log(`V1 0.25 chelsea per-channel: ${percents(perChannel).join(' | ')}`);
		expect(perTensor.top).not.toEqual(float.top);
		expect(back.top).toEqual(float.top);
		expect(back.tensors).toBe(float.tensors);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('works offline after one visit (Cache Storage)', async () => {
		const { page, context, errors } = await open();
		const config = { version: 'v1' as const, alpha: 0.25, resolution: 128 };
		const online = await classify(page, { image: '/images/coffee.png', config });
		expect(online.lastProgress).toMatchObject({ fraction: 1, fromCache: false });
		// The network goes away: weights and Google both unreachable.
		await context.route('**/models/**', (route) => route.abort('internetdisconnected'));
		await context.route('https://storage.googleapis.com/**', (route) => route.abort());
		await page.reload();
		await page.waitForSelector('body[data-ready="true"]');
		const offline = await classify(page, { image: '/images/coffee.png', config });
		expect(offline.status).toMatchObject({ weights: 'trained' });
		expect(offline.lastProgress).toMatchObject({ fraction: 1, fromCache: true });
		expect(offline.top[0]!.name).toBe('espresso');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('runs untrained, and says so, when no weights can be reached', async () => {
		const { page, context, errors } = await open(async (p) => {
			await p.context().route('**/models/**', (route) => route.fulfill({ status: 404 }));
			await p.context().route('https://storage.googleapis.com/**', (route) => route.abort());
		});
		const result = await classify(page, {
			image: '/images/coffee.png',
			config: { version: 'v1', alpha: 0.25, resolution: 128 }
		});
		expect(result.status).toMatchObject({
			weights: 'untrained',
			reason: 'download-failed',
			seed: 1
		});
		if (result.status.weights === 'untrained') {
			expect(result.status.attempts.map((a) => a.source.kind)).toEqual(['same-origin', 'official']);
		}
		expect(result.top).toHaveLength(5);
		// The browser logs the 404 and the refused request; nothing else may fail.
		expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
		await context.close();
	});
});
