import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/**
 * Where a slide's words are: its headings, key points, captions, the title slide's lines, and any
 * prose the slide projects as it stands (a slide without points). A widget's own readouts and
 * labels are part of its drawing, as a chart's axes are; a references slide's list is a
 * bibliography, not slide text.
 */
const wordBlocks = [
	'h1',
	'h2',
	'h3',
	'.slide-continued',
	'[data-points]',
	'figcaption',
	'.title-slide p',
	'section.slide:not(.references) > :is(p, ul, ol, blockquote, aside)'
].join(', ');
/** Never words: math, code, drawings and controls, inside any of those blocks. */
const notWords = '.katex, pre, code, svg, button, input, select, label, .visually-hidden';
/** Something to look at: a figure, a chart, a display formula, a table, code or a live widget. */
const visuals = [
	'figure',
	'svg:not(.katex svg)',
	'canvas',
	'img',
	'table',
	'pre',
	'.katex-display',
	// Live widgets made of form controls and numbers rather than a drawing.
	'[data-testid="cell"]',
	'[data-testid="cost-calculator"]',
	'[data-testid="network-explorer"]'
].join(', ');

let browser: Browser;
let page: Page;
beforeAll(async () => {
	browser = await launchBrowser();
	({ page } = await openPage(browser, '/en/', {
		javaScriptEnabled: false,
		viewport: { width: 1920, height: 1080 }
	}));
});
afterAll(async () => {
	await browser?.close();
});

async function projectedSlides(path: string): Promise<ProjectedSlide[]> {
	await page.goto(inject('baseURL') + path);
	return page.evaluate(
		({ wordBlocks, notWords, visuals }) =>
			[...document.querySelectorAll<HTMLElement>('section.slide')].map((section) => {
				const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
				const parts: string[] = [];
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const parent = node.parentElement;
					if (!parent?.closest(wordBlocks) || parent.closest(notWords)) continue;
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
					visual: [...section.querySelectorAll(visuals)].some((el) => el.checkVisibility())
				};
			}),
		{ wordBlocks, notWords, visuals }
	);
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
