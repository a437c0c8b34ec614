import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { languages } from '../../scripts/lib/languages.js';
import {
	deckBudget,
	SLIDE_WORDS_MAX,
	SLIDE_WORDS_MEDIAN,
	VISUAL_SHARE_MIN,
	type DeckBudget,
	type ProjectedSlide
} from '../../src/lib/present/budget';
import { builtDecks, launchBrowser, openPage } from './browser';

// Issue #18's measure of a deck a teacher would project, over every built deck in every language:
// what each slide projects (its text, speaker notes, tables, code, math and widget controls left
// out) and whether it has something to look at. Read from the prerendered decks as a projector
// shows them, with the deck's own CSS and no script: the slide layer is decided at build time.

const slugs = builtDecks();

/** Not projected words: tables, code, math, drawings, widget controls, hidden text. */
const notWords =
	'table, pre, .katex, svg, canvas, button, input, select, textarea, label, output, [role="slider"], .visually-hidden, script, style, template';
/** Something to look at: a figure, a chart, a display formula, a table, code or a live widget. */
const visuals =
	'figure, svg:not(.katex svg), canvas, img, table, pre, .katex-display, [data-testid="cell"]';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function projectedSlides(path: string): Promise<ProjectedSlide[]> {
	const { page } = await openPage(browser, path, {
		javaScriptEnabled: false,
		viewport: { width: 1920, height: 1080 }
	});
	try {
		return await page.evaluate(
			({ notWords, visuals }) =>
				[...document.querySelectorAll<HTMLElement>('section.slide')].map((section) => {
					const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
					const parts: string[] = [];
					for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						const parent = node.parentElement;
						if (!parent || parent.closest(notWords)) continue;
						// Hidden on the slide (the reading page's rule, a print-only caption…).
						let hidden = false;
						for (let el: Element | null = parent; el && el !== section; el = el.parentElement) {
							if (getComputedStyle(el).display === 'none') hidden = true;
						}
						if (!hidden) parts.push(node.nodeValue ?? '');
					}
					const kind =
						section.dataset.break === 'title'
							? 'title'
							: section.dataset.break === 'references'
								? 'references'
								: 'lesson';
					return {
						kind: kind as 'title' | 'lesson' | 'references',
						text: parts.join(' '),
						visual: section.querySelector(visuals) !== null
					};
				}),
			{ notWords, visuals }
		);
	} finally {
		await page.context().close();
	}
}

const report: Record<string, DeckBudget & { decks: Record<string, DeckBudget> }> = {};

describe('slide budget', () => {
	it('finds the decks', () => {
		expect(slugs.length).toBeGreaterThanOrEqual(9);
	});

	for (const lang of languages) {
		it(`${lang}: a median of ${SLIDE_WORDS_MEDIAN} words a slide at most, none over ${SLIDE_WORDS_MAX}, and ${VISUAL_SHARE_MIN * 100}% of slides with a visual`, async () => {
			const all: ProjectedSlide[] = [];
			const decks: Record<string, DeckBudget> = {};
			const over: string[] = [];
			for (const slug of slugs) {
				const slides = await projectedSlides(`/${lang}/present/${slug}/`);
				expect(slides.length, slug).toBeGreaterThan(2);
				decks[slug] = deckBudget(slides);
				slides.forEach((slide, index) => {
					const words = deckBudget([slide]).max;
					if (words > SLIDE_WORDS_MAX) over.push(`${slug}#${index + 1}: ${words} words`);
				});
				all.push(...slides);
			}
			const budget = deckBudget(all);
			report[lang] = { ...budget, decks };
			mkdirSync('test-output', { recursive: true });
			writeFileSync('test-output/slide-budget.json', JSON.stringify(report, null, '\t'));
			expect(over).toEqual([]);
			expect(budget.median).toBeLessThanOrEqual(SLIDE_WORDS_MEDIAN);
			expect(budget.visualShare).toBeGreaterThanOrEqual(VISUAL_SHARE_MIN);
		});
	}
});
