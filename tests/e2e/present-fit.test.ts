import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtDecks, launchBrowser, openPage, screenshot } from './browser';

// Every slide of every English deck must fit the stage at the deck's normal scale. SlideStage
// shrinks a slide that is too tall (a `--fit` zoom below 1 on its section) and, below 60%, lets it
// scroll, which a class at the back of the room cannot read. Long sections are split with `---`.

const slugs = builtDecks();

// The stage is a fixed logical 960×540 scaled to the screen, so both sizes must give the same fits.
const screens = [
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 }
];

const tallAnimation = 'taller than the stage at the normal scale; it sits alone on its slide';
const tallCell =
	'its code cell (editor, run controls, output) is taller than the stage; it sits alone on its slide';

/**
 * Widgets taller than the stage on their own, by deck: a slide holding one may shrink (and even
 * scroll), as long as everything else on it would fit. Keys are selectors within the slide.
 */
const knownExceptions: Record<string, Record<string, string>> = {
	'standard-convolution': {
		'[data-testid="conv-animation"]': `the standard-convolution animation is ${tallAnimation}`
	},
	'depthwise-separable-convolution': {
		'[data-testid="conv-animation"]': `the side-by-side animation is ${tallAnimation}`,
		'[data-testid="cost-calculator"]':
			'the calculator shows every line of the derivation with your numbers; it sits alone on its slide'
	},
	'pointwise-convolution': {
		'[data-testid="cell"]': `the matMul exercise: ${tallCell}`,
		'[data-testid="conv-animation"]': `the pointwise animation is ${tallAnimation}`
	},
	'mobilenet-v1': {
		'[data-testid="architecture-table"]':
			'Table 1 has one row per layer; splitting it would defeat the point of a whole-network table'
	},
	'mobilenet-v2': {
		'[data-testid="cell"]': `the spiral experiment: ${tallCell}`,
		'[data-testid="v2-block"]': `the inverted residual block animation is ${tallAnimation}`,
		'[data-testid="architecture-table"]':
			'the (t, c, n, s) table with its sliders, one row per stage'
	},
	'mobilenet-v3': {
		'[data-testid="se-block"]': `the squeeze-and-excite animation is ${tallAnimation}`,
		'[data-testid="architecture-table"]': 'the Large and Small tables have one row per block'
	},
	'width-and-resolution': {
		'[data-testid="cell"]': `the width-and-resolution chart: ${tallCell}`,
		'[data-testid="accuracy-chart"]':
			'the accuracy chart with its sliders and legend; it sits alone on its slide',
		'[data-testid="comparison-table"]':
			'the comparison table (ten networks, printed and counted columns, sources); it sits alone on its slide'
	},
	'beyond-classification': {
		'section.references ol':
			'the references slide is generated from the citations (11 entries), not split by `---`'
	}
};

interface SlideFit {
	index: number;
	title: string;
	/** The zoom SlideStage applied so the slide fits (1: the deck's normal scale). */
	fit: number;
	/** Content height at zoom 1 over the stage's height: above 1 means too tall. */
	tallness: number;
	/** Still too tall at the applied zoom: the slide scrolls. */
	scrolls: boolean;
	/** Known-exception selectors found on the slide, with what the slide would measure without them. */
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
	const selectors = Object.keys(knownExceptions[slug] ?? {});
	const fits: SlideFit[] = [];
	for (let index = 0; index < count; index++) {
		await showSlide(page, index);
		fits.push(await measure(page, index, titles[index] ?? '', selectors));
	}
	return { page, problems, fits };
}

function report(slug: string, screen: { width: number; height: number }, fits: SlideFit[]) {
	const rows = fits
		.filter((slide) => slide.fit < 1 || slide.scrolls)
		.map(
			(slide) =>
				`  ${String(slide.index + 1).padStart(2)} ${slide.title}: zoom ${slide.fit}, ` +
				`${slide.tallness}× the stage${slide.scrolls ? ', scrolls' : ''}` +
				(slide.widgets.length ? ` [${slide.widgets.map((w) => w.selector).join(', ')}]` : '')
		);
	console.log(
		`${slug} @ ${screen.width}×${screen.height}: ${fits.length} slides, ${rows.length} shrunk` +
			(rows.length ? `\n${rows.join('\n')}` : '')
	);
}

describe('every English slide fits the stage', () => {
	it('has decks to measure', () => {
		expect(slugs.length).toBeGreaterThanOrEqual(9);
	});

	for (const screen of screens) {
		for (const slug of slugs) {
			it(`${slug} at ${screen.width}×${screen.height}`, async () => {
				const { page, problems, fits } = await measureDeck(slug, screen);
				report(slug, screen, fits);
				const shrunk = fits.filter((slide) => slide.fit < 1 || slide.scrolls);
				// A slide may shrink only for a known widget, and only if the rest of it would fit.
				const unexplained = shrunk.filter(
					(slide) => !slide.widgets.some((widget) => widget.restFits)
				);
				expect(
					unexplained.map((slide) => `${slide.index + 1} ${slide.title} (${slide.tallness}×)`)
				).toEqual([]);
				// Every exception is still needed, so the list cannot go stale.
				for (const selector of Object.keys(knownExceptions[slug] ?? {})) {
					expect(
						shrunk.some((slide) => slide.widgets.some((widget) => widget.selector === selector)),
						`${slug}: ${selector} now fits; remove it from knownExceptions`
					).toBe(true);
				}
				if (screen.width === 1280) await screenshot(page, `present-fit-${slug}`);
				expect(problems.errors).toEqual([]);
				await page.context().close();
			}, 240_000);
		}
	}
});
