/**
 * The lab's backend under the site's one CSP: every page may compile wasm and start blob:
 * workers (src/lib/csp.ts says why), and with them tfjs runs multi-threaded wasm when the page
 * is cross-origin isolated and the machine has cores to spare, and single-threaded wasm when it
 * is not isolated.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { directives, policyShape } from '../../src/lib/csp';
import { buildDir, closeRouted, launchBrowser } from './browser';
import { log, openLive, shared, upload } from './live-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? htmlFiles(path) : entry.name.endsWith('.html') ? [path] : [];
	});
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

describe('one CSP for every page', () => {
	it('carries the same policy on every built page, with what the wasm backend needs', () => {
		const shapes = new Map<string, string[]>();
		for (const file of htmlFiles(buildDir)) {
			const policy = readFileSync(file, 'utf8').match(
				/<meta http-equiv="content-security-policy" content="([^"]*)"/
			)?.[1];
			if (!policy) continue;
			const shape = policyShape(policy);
			shapes.set(shape, [...(shapes.get(shape) ?? []), relative(buildDir, file)]);
		}
		// A page with a policy of its own would break client-side navigation into or out of it.
		expect([...shapes.values()].map((files) => files.slice(0, 3))).toHaveLength(1);
		const [shape] = [...shapes.keys()];
		const all = directives(shape!);
		expect(all.get('script-src')).toEqual(
			expect.arrayContaining(["'self'", "'wasm-unsafe-eval'", 'blob:'])
		);
		expect(all.get('script-src')).not.toContain("'unsafe-eval'");
		expect(all.get('script-src')).not.toContain("'unsafe-inline'");
		expect(all.get('worker-src')).toContain('blob:');
		expect([...shapes.values()][0]!.length).toBeGreaterThan(100);
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
		await closeRouted(page);
	});
});
