/**
 * The lab's backend under the site's CSP: only the lab may compile wasm and start blob: workers,
 * and with them tfjs runs multi-threaded wasm when the page is cross-origin isolated and the
 * machine has cores to spare, and single-threaded wasm when it is not isolated.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser } from './browser';
import { log, openLive, shared, upload } from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

function directive(html: string, name: string): string[] {
	const policy = html.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/)?.[1];
	if (!policy) throw new Error('The page has no CSP <meta>.');
	const found = policy
		.split(';')
		.map((d) => d.trim().split(/\s+/))
		.find(([n]) => n === name);
	return found?.slice(1) ?? [];
}

/** What the lab says it runs on (the data attributes of its timing line). */
function backendOf(page: Page) {
	return page.locator('[data-testid="live-backend"]').evaluate((el) => ({
		backend: el.getAttribute('data-backend'),
		threads: Number(el.getAttribute('data-threads')),
		isolated: el.getAttribute('data-isolated'),
		text: el.textContent?.trim()
	}));
}

/** Makes navigator.hardwareConcurrency (which tfjs sizes its thread pool by) report `cores`. */
async function emulateCores(page: Page, cores: number) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
}

describe('CSP per route', () => {
	it('gives wasm and blob: workers to the lab pages only', async () => {
		const base = inject('baseURL');
		const get = async (path: string) => (await fetch(base + path)).text();
		for (const lang of ['en', 'ru', 'zh', 'ko']) {
			const lab = await get(`/${lang}/lab/`);
			expect(directive(lab, 'script-src')).toEqual(
				expect.arrayContaining(["'self'", "'wasm-unsafe-eval'", 'blob:'])
			);
			expect(directive(lab, 'worker-src')).toContain('blob:');
		}
		for (const path of ['/en/', '/en/learn/', '/en/explore/', '/en/notebook/', '/ko/glossary/']) {
			const html = await get(path);
			const scripts = directive(html, 'script-src');
			expect(scripts, path).toContain("'self'");
			expect(scripts, path).not.toContain("'wasm-unsafe-eval'");
			expect(scripts, path).not.toContain('blob:');
			expect(directive(html, 'worker-src'), path).not.toContain('blob:');
		}
	});
});

describe('wasm threads', () => {
	it('runs tfjs on 2 wasm threads when isolated on a 4-core machine', async () => {
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224');
		await emulateCores(page, 4);
		await page.reload();
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
		const cup = await upload(page, shared('coffee.png'), 'v1/0.25/224');
		log('coffee, 2 wasm threads', cup);
		expect(cup[0]!.label).toBe('espresso');
		const backend = await backendOf(page);
		console.log('isolated, 4 cores:', backend.text);
		expect(backend).toMatchObject({ backend: 'wasm', threads: 2, isolated: 'true' });
		expect(backend.text).toContain('threads: 2');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('runs single-threaded, and just as right, when the host sends no isolation headers', async () => {
		const { page, problems } = await openLive(browser, 'version=v1&alpha=0.25&res=224');
		await emulateCores(page, 4);
		// A plain static host: the same files without COOP/COEP.
		await page.context().route('**/*', async (route) => {
			const response = await route.fetch();
			const headers = { ...response.headers() };
			delete headers['cross-origin-opener-policy'];
			delete headers['cross-origin-embedder-policy'];
			await route.fulfill({ response, headers });
		});
		await page.reload();
		await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
		await expect(page.evaluate(() => crossOriginIsolated)).resolves.toBe(false);
		const cup = await upload(page, shared('coffee.png'), 'v1/0.25/224');
		expect(cup[0]!.label).toBe('espresso');
		const backend = await backendOf(page);
		console.log('not isolated, 4 cores:', backend.text);
		expect(backend).toMatchObject({ backend: 'wasm', threads: 1, isolated: 'false' });
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});
