/**
 * The lab as visitors reach it: by following the site's own links, which SvelteKit turns into
 * client-side navigations that keep the first page's document (and its Content-Security-Policy).
 * Each path must end on the wasm backend; a page whose policy forbids WebAssembly says so.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRouted, launchBrowser, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Marks the document, so that a test can tell a client-side navigation from a page load. */
async function markDocument(page: Page): Promise<void> {
	await page.evaluate(() => ((window as unknown as { separableMark: number }).separableMark = 1));
}

async function sameDocument(page: Page): Promise<boolean> {
	return page.evaluate(() => (window as unknown as { separableMark?: number }).separableMark === 1);
}

/**
 * Waits until SvelteKit's router has started, which it does right after hydration: only then do
 * links navigate client-side. Its first step sets history.scrollRestoration to 'manual' (a fresh
 * context has no saved scroll position that would set it earlier).
 */
async function routerStarted(page: Page): Promise<void> {
	await page.waitForFunction(() => history.scrollRestoration === 'manual');
}

/** Picks a sample photo in the lab and returns what the timing line says it ran on. */
async function runSample(page: Page) {
	await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
	await page.locator('[data-testid="sample"]').first().click();
	const line = page.locator('[data-testid="live-backend"][data-backend]');
	await line.waitFor({ timeout: 60_000 });
	await page.waitForFunction(
		() => document.querySelector('[data-testid="live"]')?.getAttribute('data-pending') === 'false'
	);
	return {
		backend: await line.getAttribute('data-backend'),
		text: (await line.textContent())?.trim() ?? ''
	};
}

describe('the lab reached through the site’s links runs on WebAssembly', () => {
	it('from the home page’s header (English)', async () => {
		const { page, problems } = await openPage(browser, '/en/');
		await routerStarted(page);
		await markDocument(page);
		await page.locator('header.site-header nav a', { hasText: 'Lab' }).click();
		await page.waitForURL(/\/en\/lab\/$/);
		const ran = await runSample(page);
		console.log('home → Lab:', ran.text);
		expect(await sameDocument(page)).toBe(true);
		expect(ran.backend).toBe('wasm');
		await expect(page.locator('[data-testid="backend-notice"]').count()).resolves.toBe(0);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('from a lesson’s “open this model in the lab” (Russian, via the lesson list)', async () => {
		const { page, problems } = await openPage(browser, '/ru/');
		await routerStarted(page);
		await markDocument(page);
		await page.locator('header.site-header nav a[href="/ru/learn/"]').click();
		await page.waitForURL(/\/ru\/learn\/$/);
		await page.locator('a[href="/ru/learn/width-and-resolution/"]').click();
		await page.waitForURL(/width-and-resolution\/$/);
		const link = page.locator('a.button[href*="/ru/lab/?"]').first();
		await link.scrollIntoViewIfNeeded();
		await link.click();
		await page.waitForURL(/\/ru\/lab\/\?/);
		const ran = await runSample(page);
		console.log('ru lesson → lab:', ran.text);
		expect(await sameDocument(page)).toBe(true);
		expect(ran.backend).toBe('wasm');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('from the Chinese lesson list through the header', async () => {
		const { page, problems } = await openPage(browser, '/zh/learn/');
		await routerStarted(page);
		await markDocument(page);
		await page.locator('header.site-header nav a[href="/zh/lab/"]').click();
		await page.waitForURL(/\/zh\/lab\/$/);
		const ran = await runSample(page);
		console.log('zh lesson list → lab:', ran.text);
		expect(await sameDocument(page)).toBe(true);
		expect(ran.backend).toBe('wasm');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});

describe('a host policy that forbids WebAssembly', () => {
	it('runs on the cpu backend and says why, next to the classes', async () => {
		const { page } = await openPage(browser, '/en/');
		// A host that sends its own stricter policy as a header, on top of the site's <meta>.
		const origin = new URL(page.url()).origin;
		await page.context().route(`${origin}/**`, async (route) => {
			const response = await route.fetch();
			const type = response.headers()['content-type'] ?? '';
			if (!type.includes('text/html')) return route.fulfill({ response });
			await route.fulfill({
				response,
				headers: {
					...response.headers(),
					'content-security-policy': "script-src 'self' 'unsafe-inline'"
				}
			});
		});
		await page.reload();
		await routerStarted(page);
		await page.locator('header.site-header nav a', { hasText: 'Lab' }).click();
		await page.waitForURL(/\/en\/lab\/$/);
		const ran = await runSample(page);
		console.log('host policy without wasm:', ran.text);
		expect(ran.backend).toBe('cpu');
		const notice = page.locator('[data-testid="backend-notice"]');
		await expect(notice.getAttribute('data-reason')).resolves.toBe('blocked-by-policy');
		await expect(notice.textContent()).resolves.toContain('wasm-unsafe-eval');
		await expect(notice.isVisible()).resolves.toBe(true);
		await screenshot(page, 'lab-backend-notice-cpu');
		// The service worker may still be prefetching through the route.
		await closeRouted(page);
	});
});
