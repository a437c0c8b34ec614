import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
	a11yViolations,
	buildDir,
	builtDecks,
	launchBrowser,
	openPage,
	renderAllSections,
	screenshot,
	trackProblems,
	type PageProblems
} from './browser';
import { startStaticServer } from '../../scripts/lib/static-server.js';

const slugs = builtDecks();

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const deckPath = (slug: string, hash = '') => `/en/present/${slug}/${hash}`;
const presenterPath = (slug: string, hash = '') => `/en/present/${slug}/presenter/${hash}`;

/** Records errors and foreign requests of a page opened in an existing context. */
function track(page: Page): PageProblems {
	return trackProblems(page, new URL(inject('baseURL')).origin);
}

/** The deck is live once the current slide carries its test hook (set after hydration). */
async function ready(page: Page): Promise<void> {
	await page.locator('[data-testid="slide"]').waitFor();
}

/** Goes to the first slide that holds `selector`, as a deep link does; returns its index. */
async function goToSlideWith(page: Page, selector: string): Promise<number> {
	const index = await page.evaluate(
		(selector) =>
			[...document.querySelectorAll('.present-stage section.slide')].findIndex((s) =>
				s.querySelector(selector)
			),
		selector
	);
	expect(index, selector).toBeGreaterThan(0);
	await page.evaluate((i) => (location.hash = `#${i + 1}`), index);
	await expectSlide(page, index);
	return index;
}

async function current(page: Page): Promise<number> {
	return Number(await page.locator('[data-testid="slide"]').getAttribute('data-index'));
}

async function count(page: Page): Promise<number> {
	return Number(await page.getByTestId('slide-count').textContent());
}

async function expectSlide(page: Page, index: number): Promise<void> {
	await expect.poll(() => current(page)).toBe(index);
	await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${index + 1}`);
	// Exactly one slide of its stage is on screen, and it is the one the hook names.
	await expect
		.poll(() =>
			page
				.locator('[data-testid="slide"]')
				.evaluate(
					(slide) =>
						[...(slide.closest('.present-stage')?.querySelectorAll('section.slide') ?? [])].filter(
							(section) => getComputedStyle(section).visibility === 'visible'
						).length
				)
		)
		.toBe(1);
	expect(await page.locator('[data-testid="slide"]').isVisible()).toBe(true);
}

/** Pages in a PDF: Chromium writes one /Type /Page object per page. */
function pdfPages(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** Index and slug of a slide that holds a live widget, with the widget's test id. */
async function findWidgetSlide(): Promise<{ slug: string; index: number; widget: string } | null> {
	for (const slug of slugs) {
		const { page } = await openPage(browser, deckPath(slug));
		await ready(page);
		const found = await page.evaluate(() => {
			const slides = [...document.querySelectorAll('.present-stage section.slide')];
			for (const widget of ['cost-calculator', 'conv-animation']) {
				const index = slides.findIndex((s) => s.querySelector(`[data-testid="${widget}"]`));
				if (index !== -1) return { index, widget };
			}
			return null;
		});
		await page.context().close();
		if (found) return { slug, ...found };
	}
	return null;
}

describe('presentation mode', () => {
	it('has lessons to present', () => {
		expect(slugs.length).toBeGreaterThanOrEqual(1);
	});

	// One visit per deck: its slides match the lesson's sections, the print view makes a PDF page of
	// each, and the overview gives each a cell of its own.
	for (const slug of slugs) {
		it(`${slug}: a slide per section (and a title and references), a PDF page and an overview cell each`, async () => {
			// The reading page's sections, as prerendered: the deck must have a slide for each.
			const lesson = await (await fetch(`${inject('baseURL')}/en/learn/${slug}/`)).text();
			const sections = lesson.match(/<section[^>]*\bdata-slide=/g)?.length ?? 0;
			const cited = lesson.includes('id="references"') ? 1 : 0;
			expect(sections).toBeGreaterThanOrEqual(1);
			const { page, problems } = await openPage(browser, deckPath(slug));
			await ready(page);
			const total = await count(page);
			expect(total).toBe(1 + sections + cited);
			expect(await page.locator('.present-stage section.slide').count()).toBe(total);

			await page.emulateMedia({ media: 'print' });
			// Every slide is laid out for print, equations included.
			expect(
				await page.evaluate(
					() =>
						[...document.querySelectorAll('.present-stage section.slide')].filter(
							(s) => getComputedStyle(s).visibility === 'visible'
						).length
				)
			).toBe(total);
			// (A glossary term's popover carries math too, hidden until opened.)
			expect(
				await page.locator('.present-stage .katex:not(.definition .katex)').first().isVisible()
			).toBe(true);
			expect(pdfPages(await page.pdf({ preferCSSPageSize: true }))).toBe(total);
			// Also with the printer's paper (Letter, landscape), as a print dialog would: one deck
			// stands for all, the page rules being the deck's, not the lesson's.
			if (slug === slugs[0]) expect(pdfPages(await page.pdf({ landscape: true }))).toBe(total);
			await page.emulateMedia({ media: 'screen' });

			await page.getByTestId('open-overview').click();
			const overview = page.getByTestId('overview');
			await expect.poll(() => overview.isVisible()).toBe(true);
			// Each thumbnail lies inside the button that picks its slide, and no two overlap.
			const cells = await overview.evaluate((root) => {
				const slides = [...root.querySelectorAll('section.slide')];
				const hits = [...root.querySelectorAll('[data-testid="overview-slide"]')];
				return slides.map((slide, i) => {
					const a = slide.getBoundingClientRect();
					const b = hits[i]?.getBoundingClientRect();
					return {
						inside:
							!!b &&
							Math.abs(a.left - b.left) < 2 &&
							Math.abs(a.top - b.top) < 2 &&
							Math.abs(a.width - b.width) < 2,
						key: `${Math.round(a.left)},${Math.round(a.top)}`
					};
				});
			});
			expect(cells).toHaveLength(total);
			expect(cells.filter((cell) => !cell.inside)).toEqual([]);
			expect(new Set(cells.map((cell) => cell.key)).size).toBe(total);
			expect(problems.errors).toEqual([]);
			expect(problems.foreignRequests).toEqual([]);
			await page.context().close();
		});
	}

	it('keys move through the slides and the hash follows', async () => {
		const slug = slugs[0] ?? '';
		const { page, problems } = await openPage(browser, deckPath(slug));
		await ready(page);
		const total = await count(page);
		expect(total).toBeGreaterThanOrEqual(3);
		await expectSlide(page, 0);
		await page.keyboard.press('ArrowRight');
		await expectSlide(page, 1);
		await page.keyboard.press('Space');
		await expectSlide(page, 2);
		await page.keyboard.press('ArrowLeft');
		await expectSlide(page, 1);
		await page.keyboard.press('PageDown');
		await expectSlide(page, 2);
		await page.keyboard.press('PageUp');
		await expectSlide(page, 1);
		await page.keyboard.press('Shift+Space');
		await expectSlide(page, 0);
		await page.keyboard.press('ArrowLeft');
		await expectSlide(page, 0);
		await page.keyboard.press('End');
		await expectSlide(page, total - 1);
		await page.keyboard.press('ArrowRight');
		await expectSlide(page, total - 1);
		await page.keyboard.press('Home');
		await expectSlide(page, 0);
		// A number, then Enter, jumps; the number shows while it is typed.
		await page.keyboard.press('3');
		await expect.poll(() => page.getByTestId('slide-jump').isVisible()).toBe(true);
		await expectSlide(page, 0);
		await page.keyboard.press('Enter');
		await expectSlide(page, 2);
		expect(await page.getByTestId('slide-jump').count()).toBe(0);
		// A number past the end goes to the last slide.
		await page.keyboard.type('99');
		await page.keyboard.press('Enter');
		await expectSlide(page, total - 1);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('a deep link opens its slide, and a reload stays there', async () => {
		const slug = slugs[0] ?? '';
		const { page, problems } = await openPage(browser, deckPath(slug, '#3'));
		await ready(page);
		await expectSlide(page, 2);
		await page.keyboard.press('ArrowRight');
		await expectSlide(page, 3);
		await page.reload();
		await ready(page);
		await expectSlide(page, 3);
		// Editing the hash (a shared link pasted over) moves the deck too.
		await page.evaluate(() => (location.hash = '#2'));
		await expectSlide(page, 1);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('B blacks the screen, ? lists the keys, Escape closes', async () => {
		const slug = slugs[0] ?? '';
		const { page, problems } = await openPage(browser, deckPath(slug, '#2'));
		await ready(page);
		await page.keyboard.press('b');
		await expect.poll(() => page.getByTestId('black-screen').isVisible()).toBe(true);
		// The first key brings the slide back without moving on, as in PowerPoint.
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.getByTestId('black-screen').count()).toBe(0);
		await expectSlide(page, 1);
		await page.keyboard.press('?');
		const help = page.getByTestId('present-help');
		await expect.poll(() => help.isVisible()).toBe(true);
		expect(await help.locator('tr').count()).toBeGreaterThanOrEqual(10);
		await page.keyboard.press('Escape');
		await expect.poll(() => help.count()).toBe(0);
		await expectSlide(page, 1);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('F toggles full screen', async () => {
		const slug = slugs[0] ?? '';
		const { page, problems } = await openPage(browser, deckPath(slug));
		await ready(page);
		const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);
		await page.keyboard.press('f');
		await expect.poll(fullscreen).toBe(true);
		await page.keyboard.press('f');
		await expect.poll(fullscreen).toBe(false);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('swipes move the deck on a touch screen', async () => {
		const slug = slugs[0] ?? '';
		const { page } = await openPage(browser, deckPath(slug));
		await ready(page);
		const swipe = async (from: number, to: number) => {
			const screen = page.locator('.screen');
			await screen.dispatchEvent('pointerdown', {
				pointerType: 'touch',
				clientX: from,
				clientY: 400
			});
			await screen.dispatchEvent('pointerup', { pointerType: 'touch', clientX: to, clientY: 410 });
		};
		await swipe(900, 500);
		await expectSlide(page, 1);
		await swipe(500, 900);
		await expectSlide(page, 0);
		await page.context().close();
	});

	it('the audience and presenter windows follow each other both ways', async () => {
		const slug = slugs[0] ?? '';
		const { page: audience, problems } = await openPage(browser, deckPath(slug, '#2'));
		await ready(audience);
		// S opens the presenter window at the audience's slide.
		const opened = audience.context().waitForEvent('page');
		await audience.keyboard.press('s');
		const presenter = await opened;
		const presenterProblems = track(presenter);
		await presenter.waitForURL(/\/presenter\/#2$/);
		await ready(presenter);
		await expectSlide(presenter, 1);

		await audience.bringToFront();
		await audience.keyboard.press('ArrowRight');
		await expectSlide(audience, 2);
		await expectSlide(presenter, 2);

		await presenter.bringToFront();
		await presenter.keyboard.press('ArrowRight');
		await expectSlide(presenter, 3);
		await expectSlide(audience, 3);
		await presenter.keyboard.press('ArrowLeft');
		await expectSlide(audience, 2);

		// The presenter blacks out the projector, and brings it back.
		await presenter.getByTestId('presenter-black').click();
		await expect.poll(() => audience.getByTestId('black-screen').isVisible()).toBe(true);
		await presenter.getByTestId('presenter-black').click();
		await expect.poll(() => audience.getByTestId('black-screen').count()).toBe(0);

		// Presenter panels: the next slide, the timer and the clock.
		await expect.poll(() => presenter.getByTestId('presenter-next').isVisible()).toBe(true);
		await expect
			.poll(() => presenter.getByTestId('presenter-timer').textContent())
			.toMatch(/^\d+:\d\d$/);
		await expect
			.poll(() => presenter.getByTestId('presenter-clock').textContent())
			.toMatch(/\d{1,2}:\d\d/);

		// A presenter window reloaded on a stale slide joins the talk instead of dragging it back.
		await presenter.goto('about:blank');
		await presenter.goto(inject('baseURL') + presenterPath(slug, '#1'));
		await ready(presenter);
		await expectSlide(presenter, 2);
		await expectSlide(audience, 2);

		expect(problems.errors).toEqual([]);
		expect(presenterProblems.errors).toEqual([]);
		expect(presenterProblems.foreignRequests).toEqual([]);
		await audience.context().close();
	});

	it('teacher’s notes: off a student’s page, on in teacher mode, in the presenter view', async () => {
		for (const slug of slugs) {
			const { page, problems } = await openPage(browser, `/en/learn/${slug}/`);
			const notes = page.locator('article [data-notes]');
			if ((await notes.count()) === 0) {
				await page.context().close();
				continue;
			}
			// A student's page reads without them.
			await renderAllSections(page);
			expect(await notes.evaluateAll((all) => all.filter((n) => n.checkVisibility()).length)).toBe(
				0
			);
			// The first slide with notes, and the text of its first block.
			const { section, text } = await notes.first().evaluate((block) => ({
				section: Number(block.closest<HTMLElement>('section.slide')?.dataset.slide),
				text: [...block.children]
					.slice(1)
					.map((child) => child.textContent ?? '')
					.join(' ')
					.trim()
			}));
			expect(text.length).toBeGreaterThan(0);
			// A teacher turns teacher mode on: the notes show, on this lesson and after a reload.
			// (A click before the page has hydrated does nothing: click until it takes.)
			const teacher = page.locator('html[data-teacher]');
			for (let attempt = 0; attempt < 30 && (await teacher.count()) === 0; attempt++) {
				await page.getByTestId('teacher-mode').click();
				await teacher.waitFor({ timeout: 1000 }).catch(() => {});
			}
			await expect.poll(() => notes.first().isVisible()).toBe(true);
			await page.reload();
			await renderAllSections(page);
			await expect.poll(() => notes.first().isVisible()).toBe(true);
			expect(await page.getByTestId('teacher-mode').getAttribute('aria-pressed')).toBe('true');
			await page.getByTestId('teacher-mode').click();
			await expect.poll(() => notes.first().isVisible()).toBe(false);

			// The presenter view shows them with their slide (the title slide comes first).
			const index = section + 1;
			await page.goto(inject('baseURL') + presenterPath(slug, `#${index + 1}`));
			await ready(page);
			await expectSlide(page, index);
			await expect
				.poll(() => page.getByTestId('presenter-notes').textContent())
				.toContain(text.slice(0, 40));
			// Not on the slide before, nor on the audience's slide.
			await page.keyboard.press('ArrowLeft');
			await expect
				.poll(() => page.getByTestId('presenter-notes').textContent())
				.not.toContain(text.slice(0, 40));
			const { page: audience } = await openPage(browser, deckPath(slug, `#${index + 1}`));
			await ready(audience);
			expect(await audience.locator('.present-stage [data-notes]').count()).toBe(0);
			await audience.context().close();
			expect(problems.errors).toEqual([]);
			await page.context().close();
			return;
		}
		throw new Error('no English lesson has <Notes> yet');
	});

	it('the reading page in teacher mode is axe-clean at every impact', async () => {
		const { page } = await openPage(browser, '/en/learn/standard-convolution/', {
			bypassCSP: true
		});
		const teacher = page.locator('html[data-teacher]');
		for (let attempt = 0; attempt < 30 && (await teacher.count()) === 0; attempt++) {
			await page.getByTestId('teacher-mode').click();
			await teacher.waitFor({ timeout: 1000 }).catch(() => {});
		}
		await renderAllSections(page);
		const notes = page.locator('article [data-notes]');
		expect(await notes.count()).toBeGreaterThan(1);
		await expect.poll(() => notes.first().isVisible()).toBe(true);
		expect(await a11yViolations(page)).toEqual([]);
		await page.context().close();
	});

	it('the overview grid opens with O and a click jumps', async () => {
		const slug = slugs[0] ?? '';
		const { page, problems } = await openPage(browser, deckPath(slug));
		await ready(page);
		const total = await count(page);
		await page.keyboard.press('o');
		const overview = page.getByTestId('overview');
		await expect.poll(() => overview.isVisible()).toBe(true);
		const thumbnails = overview.getByTestId('overview-slide');
		expect(await thumbnails.count()).toBe(total);
		// Every thumbnail shows its slide: the grid renders all sections visibly.
		expect(
			await overview.evaluate(
				(root) =>
					[...root.querySelectorAll('section.slide')].filter(
						(s) => getComputedStyle(s).visibility === 'visible'
					).length
			)
		).toBe(total);
		const target = Math.min(total - 1, 2);
		await thumbnails.nth(target).click();
		await expect.poll(() => overview.count()).toBe(0);
		await expectSlide(page, target);
		// Arrows move the highlight in the overview, Enter takes it.
		await page.keyboard.press('o');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('Enter');
		await expect.poll(() => overview.count()).toBe(0);
		await expectSlide(page, target - 1);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('on paper, widgets show their last step and none of their controls', async () => {
		const { page, problems } = await openPage(browser, deckPath('standard-convolution'));
		await ready(page);
		await goToSlideWith(page, '[data-testid="conv-animation"]');
		const slide = page.locator('[data-testid="slide"]');
		const animation = slide.getByTestId('conv-animation');
		await animation.waitFor();
		// Paused mid-way, as a teacher might have left it.
		const scrubber = slide.getByTestId('anim-scrubber');
		const position = () => scrubber.evaluate((input: HTMLInputElement) => [input.value, input.max]);
		// Let it start playing by itself first, as it does when its slide comes up.
		await expect
			.poll(() => slide.getByTestId('anim-play').getAttribute('aria-pressed'))
			.toBe('true');
		await scrubber.evaluate((input: HTMLInputElement) => {
			input.value = String(Math.round(Number(input.max) / 3));
			input.dispatchEvent(new Event('input', { bubbles: true }));
		});
		const [before, max] = await position();
		expect(before).not.toBe(max);
		await page.emulateMedia({ media: 'print' });
		await expect.poll(position).toEqual([max, max]);
		const shown = await page
			.locator('.present-stage section.slide')
			.evaluateAll(
				(slides) =>
					slides.flatMap((s) =>
						[...s.querySelectorAll('button, input[type="range"], input[type="radio"]')].filter(
							(c) => c.checkVisibility()
						)
					).length
			);
		expect(shown).toBe(0);
		// Back on screen, the animation is where it was.
		await page.emulateMedia({ media: 'screen' });
		await expect.poll(position).toEqual([before, max]);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('a live widget responds inside a slide', async () => {
		const found = await findWidgetSlide();
		expect(found, 'an English lesson with a calculator or an animation').not.toBeNull();
		if (!found) return;
		const { page, problems } = await openPage(browser, deckPath(found.slug, `#${found.index + 1}`));
		await ready(page);
		await expectSlide(page, found.index);
		const slide = page.locator('[data-testid="slide"]');
		if (found.widget === 'cost-calculator') {
			const ratio = slide.getByTestId('calc-ratio');
			const before = await ratio.getAttribute('data-value');
			const input = slide.getByTestId('calc-n');
			await input.fill('');
			// Typing digits in a widget's field must not start a slide jump.
			await input.pressSequentially('64');
			await expect.poll(() => ratio.getAttribute('data-value')).not.toBe(before);
			expect(await page.getByTestId('slide-jump').count()).toBe(0);
			await input.press('ArrowRight');
			await expectSlide(page, found.index);
		} else {
			const summary = slide.getByTestId('anim-summary');
			const before = await summary.textContent();
			await slide.getByTestId('anim-play').click();
			await expect.poll(() => summary.textContent(), { timeout: 10_000 }).not.toBe(before);
		}
		await screenshot(page, `present-widget-${found.widget}`);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('a long table shows a page of rows at a time, by keyboard, and prints whole', async () => {
		const slug = 'mobilenet-v1';
		const { page, problems } = await openPage(browser, deckPath(slug));
		await ready(page);
		const index = await goToSlideWith(page, '[data-testid="architecture-table"]');
		const slide = page.locator('[data-testid="slide"]');
		const pages = slide.getByTestId('table-pages').getByRole('button');
		await expect.poll(() => pages.count()).toBeGreaterThan(1);
		/** Body rows on screen, by layer, and whether each lies inside the table's frame. */
		const shown = () =>
			slide.getByTestId('table-scroll').evaluate((scroller) => {
				const box = scroller.getBoundingClientRect();
				return [...scroller.querySelectorAll('tbody tr')]
					.filter((row) => getComputedStyle(row).visibility === 'visible')
					.map((row) => {
						const rect = row.getBoundingClientRect();
						return {
							layer: row.getAttribute('data-layer'),
							inside: rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1
						};
					});
			});
		const all = await slide.locator('tbody tr').count();
		const seen: string[] = [];
		for (let k = 0; k < (await pages.count()); k++) {
			// Tab reaches the page buttons; Enter shows the page and marks its button current.
			await pages.nth(k).focus();
			await page.keyboard.press('Enter');
			await expect.poll(() => pages.nth(k).getAttribute('aria-current')).toBe('true');
			const rows = await shown();
			expect(rows.length).toBeGreaterThan(0);
			expect(rows.every((row) => row.inside)).toBe(true);
			const label = await pages.nth(k).getAttribute('aria-label');
			expect(label).toBe(`Rows ${seen.length + 1}–${seen.length + rows.length} of ${all}`);
			seen.push(...rows.map((row) => row.layer ?? ''));
		}
		// Every row on exactly one page, in order.
		expect(seen).toEqual(
			await slide
				.locator('tbody tr')
				.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-layer') ?? ''))
		);
		// Rows page rather than shrink the slide: it shrinks only as far as the table's width needs on
		// this 4:3 stage (1280×900 is nearer 4:3 than 16:9), and no column is cut off. The arrows
		// still turn slides from a page button.
		expect(
			Number(await slide.evaluate((s) => s.style.getPropertyValue('--fit') || '1'))
		).toBeGreaterThanOrEqual(0.8);
		expect(
			await slide
				.getByTestId('table-scroll')
				.evaluate((box) => box.scrollWidth <= box.clientWidth + 1)
		).toBe(true);
		await page.keyboard.press('ArrowRight');
		await expectSlide(page, index + 1);
		// On paper every row is there, and the pager is not.
		await page.emulateMedia({ media: 'print' });
		const printed = await page.evaluate((i) => {
			const section = document.querySelectorAll<HTMLElement>('.present-stage section.slide')[i];
			if (!section) return null;
			return {
				rows: [...section.querySelectorAll('tbody tr')].filter(
					(row) => getComputedStyle(row).visibility === 'visible'
				).length,
				pager:
					section.querySelector('[data-testid="table-pages"]')?.getBoundingClientRect().height ?? 0,
				fits: section.scrollHeight <= section.clientHeight + 1
			};
		}, index);
		expect(printed).toEqual({ rows: all, pager: 0, fits: true });
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	for (const lang of ['en', 'ru']) {
		it(`${lang}: at 1024×768 the V1 Table 1 slide shows every column`, async () => {
			const { page, problems } = await openPage(browser, `/${lang}/present/mobilenet-v1/`, {
				viewport: { width: 1024, height: 768 }
			});
			await ready(page);
			await goToSlideWith(page, '[data-testid="architecture-table"]');
			const table = page.locator('[data-testid="slide"] [data-testid="table-scroll"]');
			await table.waitFor();
			await expect
				.poll(() =>
					table.evaluate((box) => ({
						cut: box.scrollWidth > box.clientWidth + 1,
						columns: box.querySelectorAll('thead th').length
					}))
				)
				.toEqual({ cut: false, columns: 5 });
			expect(problems.errors).toEqual([]);
			await page.context().close();
		});
	}

	it('a slide that carries a section on shows its title', async () => {
		const { page, problems } = await openPage(browser, deckPath('standard-convolution'));
		await ready(page);
		const titles = await page.locator('.present-stage section.slide').evaluateAll((slides) =>
			slides.map((slide) => {
				const title = slide.querySelector(':scope > :is(h1, h2, h3, .slide-continued)');
				return {
					start: slide.getAttribute('data-break'),
					title: title?.textContent?.trim() ?? ''
				};
			})
		);
		const continued = titles.filter((slide) => slide.start === 'rule');
		expect(continued.length).toBeGreaterThan(0);
		expect(continued.filter((slide) => slide.title === '')).toEqual([]);
		// Shown on the slide.
		const index = titles.findIndex((slide) => slide.start === 'rule');
		await page.keyboard.type(String(index + 1));
		await page.keyboard.press('Enter');
		await expectSlide(page, index);
		expect(
			await page
				.locator('[data-testid="slide"] > :is(h2, h3, .slide-continued)')
				.first()
				.isVisible()
		).toBe(true);
		// And not on the reading page, which has the heading right above.
		await page.goto(inject('baseURL') + `/en/learn/standard-convolution/`);
		await renderAllSections(page);
		const hidden = await page
			.locator('article .slide-continued')
			.evaluateAll((all) => all.filter((p) => p.checkVisibility()).length);
		expect(hidden).toBe(0);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('the slide number reads from the back of the room, and it and the controls stay on one line in Russian', async () => {
		const { page, problems } = await openPage(browser, '/ru/present/mobilenet-v2/#12', {
			viewport: { width: 1024, height: 768 }
		});
		await ready(page);
		const position = page.getByTestId('slide-position');
		const size = await position.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(size).toBeGreaterThanOrEqual(18);
		// One line: "12 / 25" is not broken after the slash.
		const box = await position.boundingBox();
		expect(box?.height ?? 0).toBeLessThan(size * 1.8);
		expect(await position.textContent()).toMatch(/^12\s\/\s\d+$/);
		// The control bar, longest in Russian, keeps one row beside it.
		const rows = await page
			.locator('nav.controls .buttons > *')
			.evaluateAll((items) => new Set(items.map((item) => item.getBoundingClientRect().top)).size);
		expect(rows).toBe(1);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('the language menu goes on with the talk in another language, on the same slide, both windows', async () => {
		// From the home page, as a teacher gets there.
		const { page: audience, problems } = await openPage(browser, '/en/');
		await audience.locator('header.site-header nav a[href="/en/learn/"]').click();
		await audience.waitForURL(/\/en\/learn\/$/);
		await audience.locator('[data-testid="lesson-index"] a[href$="/mobilenet-v1/"]').click();
		await audience.waitForURL(/\/en\/learn\/mobilenet-v1\/$/);
		await audience.getByTestId('present-button').click();
		await ready(audience);
		await audience.keyboard.press('3');
		await audience.keyboard.press('Enter');
		await expectSlide(audience, 2);
		const opened = audience.context().waitForEvent('page');
		await audience.keyboard.press('s');
		const presenter = await opened;
		await ready(presenter);
		await expectSlide(presenter, 2);
		await audience.bringToFront();
		await audience.getByTestId('deck-language').selectOption('ru');
		await audience.waitForURL(/\/ru\/present\/mobilenet-v1\/#3$/);
		await ready(audience);
		await expectSlide(audience, 2);
		expect(await audience.locator('html').getAttribute('lang')).toBe('ru');
		// The presenter window followed, to its own view in Russian.
		await presenter.waitForURL(/\/ru\/present\/mobilenet-v1\/presenter\/#3$/);
		await ready(presenter);
		await expectSlide(presenter, 2);
		// And the two still move together.
		await audience.keyboard.press('ArrowRight');
		await expectSlide(presenter, 3);
		expect(problems.errors).toEqual([]);
		await audience.context().close();
	});

	it('the lesson page’s Present button opens the slide being read, on a lesson reached by a link', async () => {
		const slug = slugs[0] ?? '';
		// Reached as readers reach it: the lesson list, then the lesson (a client-side navigation,
		// which may render the lesson's body after the button).
		const { page, problems } = await openPage(browser, '/en/learn/');
		await page.locator(`[data-testid="lesson-index"] a[href$="/en/learn/${slug}/"]`).click();
		await page.waitForURL(new RegExp(`/en/learn/${slug}/$`));
		const sections = page.locator('article section.slide[data-slide]');
		const button = page.getByTestId('present-button');
		const last = (await sections.count()) - 1;
		// A section in the middle that opens with its heading.
		const headed = await sections.evaluateAll((all) =>
			all.flatMap((section, index) => (section.querySelector(':scope > h2') ? [index] : []))
		);
		const middle = headed[Math.floor(headed.length / 2)] ?? 0;
		const heading = sections.nth(middle).locator(':scope > h2');
		// Its heading just above the line a third of the way down, where the reader's eyes are.
		await heading.evaluate((h2) =>
			window.scrollBy(0, h2.getBoundingClientRect().top - innerHeight / 3 + 4)
		);
		await expect.poll(() => button.getAttribute('href')).toMatch(new RegExp(`#${middle + 2}$`));
		// The table of contents follows the same reader: the entry of that heading.
		const id = await heading.getAttribute('id');
		await expect
			.poll(() => page.locator('.toc-wide a[aria-current="location"]').getAttribute('href'))
			.toBe(`#${id}`);
		// At the page's end the last section is the one being read, however short it is.
		await sections.nth(last).evaluate((section) => section.scrollIntoView({ block: 'start' }));
		await expect.poll(() => button.getAttribute('href')).toMatch(new RegExp(`#${last + 2}$`));
		await button.click();
		await page.waitForURL(new RegExp(`/en/present/${slug}/#${last + 2}$`));
		await ready(page);
		await expectSlide(page, last + 1);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('after one visit, lessons and slides open with no network and no server', async () => {
		// A server of our own, so that it can be switched off after the first visit.
		const { server, url } = (await startStaticServer({ root: buildDir })) as {
			server: import('node:http').Server;
			url: string;
		};
		const slug = slugs[0] ?? '';
		let context: BrowserContext | null = null;
		try {
			const opened = await openPage(browser, deckPath(slug), {
				base: url,
				serviceWorkers: 'allow'
			});
			context = opened.page.context();
			const page = opened.page;
			await ready(page);
			await page.evaluate(async () => {
				await navigator.serviceWorker.ready;
			});
			await expect
				.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
				.toBe(true);
			await new Promise((done) => server.close(done));
			await context.setOffline(true);

			await page.goto(`${url}/en/learn/${slug}/`);
			await expect.poll(() => page.getByTestId('lesson').isVisible()).toBe(true);
			expect(await page.locator('.katex').count()).toBeGreaterThan(0);

			await page.goto(`${url}${deckPath(slug, '#2')}`);
			await ready(page);
			await expectSlide(page, 1);
			await page.keyboard.press('ArrowRight');
			await expectSlide(page, 2);

			// Pages never opened in that visit were precached too.
			const other = slugs[slugs.length - 1] ?? slug;
			await page.goto(`${url}${presenterPath(other, '#1')}`);
			await ready(page);
			await expectSlide(page, 0);
			await page.goto(`${url}/ru/present/${slug}/`);
			await ready(page);
			expect(await page.locator('html').getAttribute('lang')).toBe('ru');
			expect(opened.problems.foreignRequests).toEqual([]);
		} finally {
			await context?.close();
			server.close();
		}
	});
});

describe('presentation screenshots', () => {
	const sizes = [
		{ width: 1024, height: 768 },
		{ width: 1920, height: 1080 }
	];
	for (const viewport of sizes) {
		const size = `${viewport.width}x${viewport.height}`;
		it(`audience, overview, help, high contrast and presenter at ${size}`, async () => {
			const slug = slugs[0] ?? '';
			const { page, problems } = await openPage(browser, deckPath(slug, '#3'), { viewport });
			await ready(page);
			// Let the controls fade, as they do on a projector.
			await expect
				.poll(
					() =>
						page
							.locator('nav.controls .buttons')
							.evaluate((buttons) => getComputedStyle(buttons).opacity),
					{ timeout: 6000 }
				)
				.toBe('0');
			await screenshot(page, `present-audience-${size}`);
			await page.keyboard.press('Home');
			await expectSlide(page, 0);
			await screenshot(page, `present-title-${size}`);
			await page.keyboard.press('o');
			await page.getByTestId('overview').waitFor();
			await screenshot(page, `present-overview-${size}`);
			await page.keyboard.press('Escape');
			await page.keyboard.press('?');
			await screenshot(page, `present-help-${size}`);
			await page.keyboard.press('Escape');
			await page.keyboard.press('c');
			await page.keyboard.type('3');
			await page.keyboard.press('Enter');
			await expectSlide(page, 2);
			await expect.poll(() => page.locator('.deck.present-contrast').count()).toBe(1);
			await page.mouse.move(10, 10);
			await screenshot(page, `present-contrast-${size}`);
			// Contrast is remembered: switch it back off for the next views.
			await page.keyboard.press('c');
			expect(problems.errors).toEqual([]);
			await page.context().close();

			const { page: presenter, problems: presenterProblems } = await openPage(
				browser,
				presenterPath(slug, '#2'),
				{ viewport }
			);
			await ready(presenter);
			await expect
				.poll(() => presenter.getByTestId('presenter-clock').textContent())
				.toMatch(/\d{1,2}:\d\d/);
			await screenshot(presenter, `present-presenter-${size}`);
			expect(presenterProblems.errors).toEqual([]);
			await presenter.context().close();
		});
	}
});
