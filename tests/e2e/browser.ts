import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	chromium,
	type Browser,
	type BrowserContextOptions,
	type Locator,
	type Page
} from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.js';

export const screenshotDir = 'test-output/screenshots';

/** The site under test: build/, or build-<name>/ when SEPARABLE_OUT names a private build. */
export const buildDir = resolve(
	process.env.SEPARABLE_OUT ? `build-${process.env.SEPARABLE_OUT}` : 'build'
);

/** Every English lesson that has a deck in the build under test, by slug. */
export function builtDecks(): string[] {
	const built = new Set(
		existsSync(`${buildDir}/en/present`) ? readdirSync(`${buildDir}/en/present`) : []
	);
	return readdirSync('content/en')
		.filter((file) => file.endsWith('.md'))
		.map((file) => file.slice(0, -3))
		.filter((slug) => built.has(slug))
		.sort();
}

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

export interface PageProblems {
	/** Console errors and uncaught exceptions (CSP violations show up here). */
	errors: string[];
	/** Requests to any host other than the test server, except the official weights below. */
	foreignRequests: string[];
	/**
	 * Weight files the lab asked for that failed (404 on /models/, or Google's host, which this
	 * closed network cannot reach). The lab falls back to seeded weights; tests decide what to expect.
	 */
	failedWeightRequests: string[];
	/** Requests to Google's tfjs-models hosting: the lab's documented last source of weights. */
	officialWeightRequests: string[];
}

const officialWeightsPrefix = 'https://storage.googleapis.com/tfjs-models/';

function isWeightUrl(url: string, origin: string): boolean {
	return url.startsWith(officialWeightsPrefix) || url.startsWith(`${origin}/models/`);
}

/**
 * A fresh context and page, recording errors and any request that leaves the local server.
 *
 * A fresh context is a first visit, whose service worker would precache the whole site (every
 * page in four languages, about 60 MB) in the background of every test: it is blocked unless a
 * test asks for it with `serviceWorkers: 'allow'`, as the offline tests do.
 */
export async function openPage(
	browser: Browser,
	path: string,
	options: BrowserContextOptions & { base?: string } = {}
): Promise<{ page: Page; problems: PageProblems }> {
	const base = options.base ?? inject('baseURL');
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		serviceWorkers: 'block',
		...options
	});
	const page = await context.newPage();
	const problems = trackProblems(page, new URL(base).origin);
	await page.goto(base + path);
	return { page, problems };
}

/**
 * Closes the page's context once its route handlers are let go: a request the page makes as it
 * closes would otherwise reach a handler whose response is already gone, an unhandled rejection
 * that fails the run.
 */
export async function closeRouted(page: Page): Promise<void> {
	await page.unrouteAll({ behavior: 'ignoreErrors' });
	await page.context().unrouteAll({ behavior: 'ignoreErrors' });
	await page.context().close();
}

/**
 * Lays out and paints every section of a lesson, as a reader scrolling to each would see it:
 * lessons skip sections away from the viewport (content-visibility: auto). Resolves once the page
 * has drawn two frames that way, so that its ResizeObservers have measured every box (a display
 * equation that scrolls says so only then). Returns the style element that does it, to remove when
 * done.
 */
export function renderAllSections(page: Page) {
	// Not addStyleTag: it waits for the style's load event, a wait with no time limit. An inline
	// style applies as it is inserted.
	return page.evaluateHandle(async () => {
		const style = document.createElement('style');
		style.textContent = '* { content-visibility: visible !important; }';
		document.head.append(style);
		// The first frame lays the sections out, and its ResizeObservers report after that layout;
		// the second frame's callback runs after them. A page whose frames stall still returns.
		await new Promise((done) => {
			requestAnimationFrame(() => requestAnimationFrame(done));
			setTimeout(done, 1000);
		});
		return style;
	});
}

export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(screenshotDir, { recursive: true });
	// A full-page capture does not move the viewport: without this, everything below the first
	// screen of a lesson comes out blank.
	const paintAll = await renderAllSections(page);
	try {
		await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
	} finally {
		await paintAll.evaluate((style) => (style as Element).remove());
	}
}

/** The window as the reader sees it now (a popover, a part scrolled into view). */
export async function screenshotView(page: Page, name: string): Promise<void> {
	mkdirSync(screenshotDir, { recursive: true });
	await page.screenshot({ path: `${screenshotDir}/${name}.png` });
}

/** One element of the page, e.g. the lab's network strip. */
export async function screenshotOf(element: Locator, name: string): Promise<void> {
	mkdirSync(screenshotDir, { recursive: true });
	await element.screenshot({ path: `${screenshotDir}/${name}.png` });
}

export interface A11yViolation {
	id: string;
	impact: string;
	targets: string[];
}

/**
 * axe-core's findings, of every impact, on the page as it is now (or within the element `within`
 * selects). The page must have been opened with bypassCSP: axe is injected as an inline script,
 * which the site's CSP forbids.
 */
export async function a11yViolations(page: Page, within?: string): Promise<A11yViolation[]> {
	await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
	// Lessons skip laying out sections off the screen (content-visibility: auto). axe scrolls to an
	// element and samples what lies under its box; if sections above resize as they render, it
	// samples a neighbour (a button's accent colour under a lesson's text) and reports a contrast
	// the reader never sees. Laid out in full, every box is where axe measured it.
	const paintAll = await renderAllSections(page);
	try {
		return await axeViolations(page, within);
	} finally {
		await paintAll.evaluate((style) => (style as Element).remove());
	}
}

function axeViolations(page: Page, within?: string): Promise<A11yViolation[]> {
	return page.evaluate(async (within) => {
		type Node = { target: string[]; failureSummary?: string };
		type Result = { violations: Array<{ id: string; impact: string; nodes: Node[] }> };
		type Run = (context: Document | string, options: { resultTypes: string[] }) => Promise<Result>;
		const axe = (window as unknown as { axe: { run: Run } }).axe;
		// Violations only: collecting every passing node's details would double axe's time on a lesson.
		const result = await axe.run(within ?? document, { resultTypes: ['violations'] });
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			// With axe's own account (for a contrast: the colours and the ratio it measured).
			targets: v.nodes
				.slice(0, 3)
				.map((n) => `${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary}` : ''}`)
		}));
	}, within);
}

/** Records a page's console errors and its requests that leave `origin`. */
export function trackProblems(page: Page, origin: string): PageProblems {
	const problems: PageProblems = {
		errors: [],
		foreignRequests: [],
		failedWeightRequests: [],
		officialWeightRequests: []
	};
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const source = message.location().url;
		if (/^Failed to load resource/.test(message.text()) && isWeightUrl(source, origin)) {
			problems.failedWeightRequests.push(source);
		} else {
			problems.errors.push(message.text());
		}
	});
	page.on('pageerror', (error) => problems.errors.push(String(error)));
	page.on('request', (request) => {
		const url = request.url();
		if (url.startsWith(officialWeightsPrefix)) problems.officialWeightRequests.push(url);
		else if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
			problems.foreignRequests.push(url);
		}
	});
	return problems;
}
