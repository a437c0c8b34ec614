import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtDecks, launchBrowser, openPage, screenshot } from './browser';

// Every slide of every English deck must fit the stage at the deck's normal scale. SlideStage
// shrinks a slide that is too tall (a `--fit` zoom below 1 on its section) and, below 60%, lets it
// scroll, which a class at the back of the room cannot read. Long sections are split with `---`.
//
// The interactive widgets have a layout of their own on a slide (controls beside the drawing, long
// tables a page of rows at a time, the calculator's derivation a row a line). A slide holding one
// may still shrink a little, to `readableFit` at the least, and never scroll.

const slugs = builtDecks();

// The stage is a fixed logical 960×540 scaled to the screen: every deck is measured at 720p, and
// the decks richest in widgets again at 1080p, where their fits must come out the same.
const screen = { width: 1280, height: 720 };
const projector = { width: 1920, height: 1080 };
const scaled = ['depthwise-separable-convolution', 'mobilenet-v2'];

/**
 * The least zoom a widget's slide may take. Widgets set their type in rem, as on the reading page:
 * body text 16 px and captions 14 px of the 540-px stage. At 0.8 these are 12.8 and 11.2 px, about
 * 1/42 and 1/48 of the screen's height (26 and 22 px on a 1080p projector), and the body text is
 * still two thirds of the slide's own prose (19.2 px). Further down, the captions of the drawings
 * stop carrying to the back of a classroom.
 */
const readableFit = 0.8;

/** Widgets with a slide layout of their own (selectors within a slide). */
const widgets = [
	'[data-testid="conv-animation"]',
	'[data-testid="v2-block"]',
	'[data-testid="se-block"]',
	'[data-testid="cost-calculator"]',
	'[data-testid="cell"]',
	'[data-testid="architecture-table"]',
	'[data-testid="accuracy-chart"]',
	'[data-testid="comparison-table"]',
	'[data-testid="model-size-chart"]',
	'[data-testid="roofline"]',
	'[data-testid="latency-chart"]',
	'[data-testid="latency-table"]',
	'[data-testid="live-latency"]',
	'[data-testid="live-quantization"]',
	'[data-testid="live-weights"]',
	'section.references ol'
];

interface SlideFit {
	index: number;
	title: string;
	/** The zoom SlideStage applied so the slide fits (1: the deck's normal scale). */
	fit: number;
	/** Content height at zoom 1 over the stage's height: above 1 means too tall. */
	tallness: number;
	/** Still too tall at the applied zoom: the slide scrolls. */
	scrolls: boolean;
	/** Widgets found on the slide, with what the slide would measure without them. */
	widgets: { selector: string; restFits: boolean }[];
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function showSlide(page: Page, index: number): Promise<void> {
	await page.evaluate((i) => (location.hash = `#${i + 1}`), index);
	await page.locator(`[data-testid="slide"][data-index="${index}"]`).waitFor();
	// Let widgets draw (charts, animations, fonts) and the stage refit the slide it shows.
	await page.evaluate(() => document.fonts.ready);
	await page.evaluate(
		() =>
			new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null))))
	);
}

/** The fit of the slide on screen, as SlideStage left it, and its height at the normal scale. */
function measure(page: Page, index: number, title: string, selectors: string[]): Promise<SlideFit> {
	return page.locator('[data-testid="slide"]').evaluate(
		(section, { index, title, selectors }) => {
			const el = section as HTMLElement;
			const applied = el.style.getPropertyValue('--fit');
			const fit = applied === '' ? 1 : Number(applied);
			const scrolls = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
			el.style.setProperty('--fit', '1');
			const tallness = el.scrollHeight / el.clientHeight;
			const widgets = selectors.flatMap((selector) => {
				const widget = el.querySelector<HTMLElement>(selector);
				if (!widget) return [];
				const style = getComputedStyle(widget);
				const outer =
					widget.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
				return [{ selector, restFits: el.scrollHeight - outer <= el.clientHeight + 1 }];
			});
			el.style.setProperty('--fit', applied);
			return { index, title, fit, tallness: Math.round(tallness * 100) / 100, scrolls, widgets };
		},
		{ index, title, selectors }
	);
}

async function measureDeck(slug: string, screen: { width: number; height: number }) {
	const { page, problems } = await openPage(browser, `/en/present/${slug}/`, { viewport: screen });
	await page.locator('[data-testid="slide"]').waitFor();
	const count = Number(await page.getByTestId('slide-count').textContent());
	// Titles as the deck gives them: a slide after `---` carries on its section's title.
	const headings = await page
		.locator('.present-stage section.slide')
		.evaluateAll((sections) =>
			sections.map(
				(s) => s.querySelector(':scope > :is(h1, h2, h3, h4, h5, h6)')?.textContent?.trim() ?? null
			)
		);
	const titles: string[] = [];
	headings.forEach((heading, i) => titles.push(heading ?? titles[i - 1] ?? ''));
	const fits: SlideFit[] = [];
	for (let index = 0; index < count; index++) {
		await showSlide(page, index);
		fits.push(await measure(page, index, titles[index] ?? '', widgets));
	}
	return { page, problems, fits };
}

/** Logs every slide that shrank or holds a widget, with its zoom. */
function report(slug: string, screen: { width: number; height: number }, fits: SlideFit[]) {
	const shrunk = fits.filter((slide) => slide.fit < 1 || slide.scrolls).length;
	const rows = fits
		.filter((slide) => slide.fit < 1 || slide.scrolls || slide.widgets.length > 0)
		.map(
			(slide) =>
				`  ${String(slide.index + 1).padStart(2)} ${slide.title}: zoom ${slide.fit}, ` +
				`${slide.tallness}× the stage${slide.scrolls ? ', scrolls' : ''}` +
				(slide.widgets.length ? ` [${slide.widgets.map((w) => w.selector).join(', ')}]` : '')
		);
	console.log(
		`${slug} @ ${screen.width}×${screen.height}: ${fits.length} slides, ${shrunk} shrunk` +
			(rows.length ? `\n${rows.join('\n')}` : '')
	);
}

/** Every widget the decks were seen to hold: a renamed test id must not pass unmeasured. */
const seen = new Set<string>();
/** Each deck's fits at 720p, for the 1080p runs to match. */
const fitsAt720 = new Map<string, SlideFit[]>();

describe('every English slide fits the stage', () => {
	it('has decks to measure', () => {
		expect(slugs.length).toBeGreaterThanOrEqual(9);
	});

	for (const slug of slugs) {
		it(`${slug} at ${screen.width}×${screen.height}`, async () => {
			const { page, problems, fits } = await measureDeck(slug, screen);
			report(slug, screen, fits);
			for (const slide of fits) for (const widget of slide.widgets) seen.add(widget.selector);
			const shrunk = fits.filter((slide) => slide.fit < 1 || slide.scrolls);
			// A slide may shrink only for a widget, and only if the rest of it would fit.
			const unexplained = shrunk.filter(
				(slide) => !slide.widgets.some((widget) => widget.restFits)
			);
			expect(
				unexplained.map((slide) => `${slide.index + 1} ${slide.title} (${slide.tallness}×)`)
			).toEqual([]);
			// And the widget's slide stays readable: shrunk no further than readableFit, never scrolled.
			const unreadable = shrunk.filter((slide) => slide.fit < readableFit || slide.scrolls);
			expect(
				unreadable.map(
					(slide) =>
						`${slide.index + 1} ${slide.title}: zoom ${slide.fit}${slide.scrolls ? ', scrolls' : ''}`
				)
			).toEqual([]);
			fitsAt720.set(slug, fits);
			await screenshot(page, `present-fit-${slug}`);
			expect(problems.errors).toEqual([]);
			await page.context().close();
		}, 240_000);
	}

	for (const slug of scaled) {
		it(`${slug} at ${projector.width}×${projector.height} fits as at ${screen.width}×${screen.height}`, async () => {
			const { page, problems, fits } = await measureDeck(slug, projector);
			report(slug, projector, fits);
			const at720 = fitsAt720.get(slug);
			expect(at720, 'the 720p run of this deck').toBeDefined();
			// Zooms agree to rounding: the stage scales, nothing reflows.
			const key = (f: SlideFit) => `${f.index + 1} ${f.title}: ${f.fit.toFixed(2)}`;
			expect(fits.map(key)).toEqual(at720!.map(key));
			expect(problems.errors).toEqual([]);
			await page.context().close();
		}, 240_000);
	}

	it('found every widget it measures on some slide', () => {
		expect(widgets.filter((selector) => !seen.has(selector))).toEqual([]);
	});
});
