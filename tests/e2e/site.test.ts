import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, renderAllSections, screenshot } from './browser';
import { languages } from '../../scripts/lib/languages.js';

const messages = Object.fromEntries(
	languages.map((lang) => [lang, JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8'))])
) as Record<(typeof languages)[number], Record<string, string>>;

/** Whether a Chinese font is installed: without one, no page could be set in it by mistake. */
function hasCjkFont(): boolean {
	try {
		return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
	} catch {
		return false;
	}
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('site shell', () => {
	for (const lang of languages) {
		it(`/${lang}/ renders in its own language under the site's CSP`, async () => {
			const { page, problems } = await openPage(browser, `/${lang}/`);
			await expect(page.locator('h1').textContent()).resolves.toBe(messages[lang].home_title);
			const htmlLang = await page.locator('html').getAttribute('lang');
			expect(htmlLang?.startsWith(lang)).toBe(true);
			const csp = await page
				.locator('meta[http-equiv="content-security-policy"]')
				.getAttribute('content');
			const scriptSrc = csp?.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
			expect(scriptSrc).toContain("'self'");
			expect(scriptSrc).not.toContain('unsafe-inline');
			expect(scriptSrc.split(/\s+/)).not.toContain("'unsafe-eval'");
			await screenshot(page, `home-${lang}`);
			expect(problems.errors).toEqual([]);
			expect(problems.foreignRequests).toEqual([]);
			await page.context().close();
		});
	}

	for (const lang of languages) {
		it(`/${lang}/ fits a phone screen without sideways scrolling`, async () => {
			const { page } = await openPage(browser, `/${lang}/`, {
				viewport: { width: 390, height: 844 },
				isMobile: true
			});
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			await screenshot(page, `home-${lang}-phone`);
			expect(overflow).toBeLessThanOrEqual(0);
			await page.context().close();
		});
	}

	it('/ sends a browser to its preferred language', async () => {
		const { page } = await openPage(browser, '/', { locale: 'ko-KR' });
		await page.waitForURL(/\/ko\/$/);
		await expect(page.locator('h1').textContent()).resolves.toBe(messages.ko.home_title);
		await page.context().close();
	});

	it('/ falls back to English and links to all four languages', async () => {
		const { page } = await openPage(browser, '/', { locale: 'de-DE', javaScriptEnabled: false });
		for (const lang of languages) {
			await expect(page.locator(`a[hreflang^="${lang}"]`).count()).resolves.toBe(1);
		}
		await page.context().close();
		const { page: redirected } = await openPage(browser, '/', { locale: 'de-DE' });
		await redirected.waitForURL(/\/en\/$/);
		await redirected.context().close();
	});

	it('the language switcher keeps the page, its query and its hash', async () => {
		const { page } = await openPage(browser, '/en/lab/?version=v2&alpha=0.5#layers');
		await page.locator('[data-testid="language-switcher"] a[data-lang="ru"]').click();
		await page.waitForURL(/\/ru\/lab\/\?version=v2&alpha=0\.5#layers$/);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
		await expect(
			page.locator('[data-testid="language-switcher"] a[aria-current="true"]').textContent()
		).resolves.toBe('Русский');
		await page.context().close();
	});

	// A font stack whose first installed family is a CJK font sets Latin text in it (full-width
	// punctuation), and loading a CJK font for one line cost lesson 3 about 50 ms of layout.
	it.skipIf(!hasCjkFont())(
		'an English lesson sets its Latin text without any CJK font',
		async () => {
			const { page } = await openPage(browser, '/en/learn/depthwise-separable-convolution/', {
				viewport: { width: 412, height: 823 }
			});
			// Every section laid out, so that each has its fonts.
			await renderAllSections(page);
			const probed = await page.evaluate(() => {
				const cjk = /[\u3000-\u9fff\uac00-\ud7af]/;
				let count = 0;
				for (const element of document.querySelectorAll('body *')) {
					const own = [...element.childNodes]
						.filter((node) => node.nodeType === Node.TEXT_NODE)
						.map((node) => node.textContent ?? '')
						.join('');
					if (own.trim() === '' || cjk.test(own) || element.closest('svg, math')) continue;
					element.setAttribute('data-font-probe', String(count++));
				}
				return count;
			});
			expect(probed).toBeGreaterThan(500);
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('DOM.enable');
			await cdp.send('CSS.enable');
			const { root } = await cdp.send('DOM.getDocument');
			const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
				nodeId: root.nodeId,
				selector: '[data-font-probe]'
			});
			const cjkSet: string[] = [];
			for (const nodeId of nodeIds) {
				const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
				const cjkFonts = fonts.filter((font) => /CJK|Droid Sans Fallback/i.test(font.familyName));
				if (cjkFonts.length === 0) continue;
				const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
				cjkSet.push(`${cjkFonts.map((f) => f.familyName).join(', ')}: ${outerHTML.slice(0, 120)}`);
			}
			expect(nodeIds.length).toBe(probed);
			expect(cjkSet).toEqual([]);
			await page.context().close();
		}
	);

	// The header hydrates after the page, as an island of its own: wherever the page opens, not
	// only once the reader scrolls back up to it.
	it('a chosen theme applies on a lesson opened far from the header', async () => {
		const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
		await context.addInitScript(() => localStorage.setItem('separable-theme', 'dark'));
		const page = await context.newPage();
		await page.goto(`${inject('baseURL')}/en/learn/depthwise-separable-convolution/#references`);
		await expect
			.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 })
			.toBeGreaterThan(3000);
		await expect
			.poll(() => page.evaluate(() => document.documentElement.dataset.theme), {
				timeout: 15_000
			})
			.toBe('dark');
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(3000);
		await context.close();
	});

	it('an unknown address shows a not-found page', async () => {
		const { page } = await openPage(browser, '/en/no-such-page/');
		await expect(page.locator('h1').textContent()).resolves.toBe(messages.en.not_found_title);
		await page.context().close();
	});
});
