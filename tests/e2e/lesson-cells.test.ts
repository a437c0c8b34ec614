import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { closeRouted, launchBrowser, openPage, screenshot } from './browser';
import {
	cell,
	editorCodeLoaded,
	editorOf,
	editorText,
	en,
	ranAs,
	run,
	starter,
	typeCode
} from './cell-helpers';

// The notebook cells embedded in the English lessons: exercises checked on the reading page, a
// whole lesson run and exported, and a cell run on its slide in the deck.

const LESSONS = [
	'standard-convolution',
	'depthwise-separable-convolution',
	'pointwise-convolution',
	'width-and-resolution',
	'mobilenet-v2'
] as const;

/** The cells a lesson file embeds, in the order it embeds them. */
function embedded(slug: string): string[] {
	const source = readFileSync(`content/en/${slug}.md`, 'utf8');
	return [...source.matchAll(/^<Cell id="([\w-]+)" \/>$/gm)].map((match) => match[1] as string);
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/**
 * Clicks a button until the click takes effect: a prerendered button does nothing until the page
 * has hydrated, and a lesson page may still be hydrating when the test starts.
 */
async function clickUntil(button: Locator, effect: Locator): Promise<void> {
	for (let attempt = 0; attempt < 30; attempt++) {
		await button.click();
		try {
			await effect.waitFor({ timeout: 1000 });
			return;
		} catch {
			// Not hydrated yet: click again.
		}
	}
	throw new Error('the click never took effect');
}

/** Scrolls through the whole page, as a reader would, and waits for what that loads. */
async function readThrough(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
	await page.evaluate(async () => {
		for (let y = 0; y < document.body.scrollHeight; y += 600) {
			window.scrollTo(0, y);
			// A frame per screen, as a scrolling reader gives the page.
			await new Promise((resolve) => requestAnimationFrame(resolve));
		}
	});
	await page.waitForLoadState('networkidle');
}

/** The cell's code box height, and where its first line starts, relative to the cell. */
function layoutOf(target: Locator, lineSelector: string) {
	return target.evaluate((el, selector) => {
		const cellBox = el.getBoundingClientRect();
		const code = el.querySelector('.code') as HTMLElement;
		const line = el.querySelector(selector) as HTMLElement;
		const text = document.createTreeWalker(line, NodeFilter.SHOW_TEXT).nextNode() as Text;
		const range = document.createRange();
		range.setStart(text, 0);
		range.setEnd(text, 1);
		const glyph = range.getBoundingClientRect();
		return {
			height: code.getBoundingClientRect().height,
			x: glyph.left - cellBox.left,
			y: glyph.top - cellBox.top
		};
	}, lineSelector);
}

describe('cells in the English lessons', () => {
	it('each lesson embeds all of its cells, each under the text that introduces it', async () => {
		for (const slug of LESSONS) {
			expect(embedded(slug).length, slug).toBeGreaterThanOrEqual(1);
			// On a line of its own, with blank lines around it (mdsvex then passes it through whole).
			const source = readFileSync(`content/en/${slug}.md`, 'utf8');
			expect(source).not.toMatch(/[^\n]\n<Cell|<Cell[^\n]*\n[^\n]/);
		}
		const { page, problems } = await openPage(
			browser,
			'/en/learn/depthwise-separable-convolution/'
		);
		const order = await page
			.locator('[data-testid="notebook"] [data-testid="cell"]')
			.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')));
		expect(order).toEqual(embedded('depthwise-separable-convolution'));
		// The exercise's heading comes first, then its statement, then the cell.
		const follows = await page.evaluate(() => {
			const heading = document.getElementById('exercise-depthwise-cost');
			const target = document.querySelector('[data-cell="depthwise-cost"]');
			return heading && target
				? Boolean(heading.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)
				: null;
		});
		expect(follows).toBe(true);
		// The `---` that gives a cell its own slide draws no rule between a statement and its cell.
		const rules = await page.locator('section.slide > hr:first-child').evaluateAll((hrs) =>
			hrs.map((hr) => {
				// A continued section's running head (shown on slides only) and the slide's key points
				// sit between them.
				let next = hr.nextElementSibling;
				if (next?.matches('.slide-continued')) next = next.nextElementSibling;
				if (next?.matches('[data-points]')) next = next.nextElementSibling;
				return {
					// A cell is a widget island of its own (src/lib/components/island).
					beforeCell: next?.matches('.island:has(> [data-testid="cell"])') ?? false,
					shown: getComputedStyle(hr).display !== 'none'
				};
			})
		);
		expect(rules.filter((r) => r.beforeCell).length).toBeGreaterThan(0);
		// Every `---` now opens a slide with its key points, which the page shows in a box: no rule.
		expect(rules.filter((r) => r.shown)).toEqual([]);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('an exercise says "not yet" with a hint for a wrong answer, and marks a right one', async () => {
		const { page, problems } = await openPage(
			browser,
			'/en/learn/depthwise-separable-convolution/'
		);
		const exercise = cell(page, 'depthwise-cost');
		const check = exercise.locator('[data-testid="cell-check"]');
		const code = starter('depthwise-separable-convolution', 'depthwise-cost');
		const placeholder = 'const depthwiseCost = undefined;';
		expect(code).toContain(placeholder);

		await typeCode(
			page,
			exercise,
			code.replace(placeholder, 'const depthwiseCost = D_K * M * D_F * D_F;')
		);
		await run(exercise);
		await expect(check.getAttribute('data-ok')).resolves.toBe('false');
		const wrong = await check.innerText();
		expect(wrong).toContain(en('cell_check_wrong'));
		expect(wrong).toContain(en('cell_hint_kernel_squared'));
		// The hint names the mistake, never the number.
		expect(wrong).not.toMatch(/\d{4,}/);
		await expect(exercise.locator('[data-testid="cell-solution"]').isVisible()).resolves.toBe(true);
		// The cell ran the real layer: the shapes table shows tf's depthwise output.
		await expect(exercise.locator('[data-testid="cell-output"]').innerText()).resolves.toMatch(
			/1\D+56\D+56\D+32/
		);
		await screenshot(page, 'lesson-cells-exercise-wrong');

		// Written differently from the solution file: the check compares values, not text.
		await typeCode(
			page,
			exercise,
			code.replace(placeholder, 'const depthwiseCost = M * (D_K * D_F) ** 2;')
		);
		await run(exercise);
		await expect(check.getAttribute('data-ok')).resolves.toBe('true');
		await expect(check.innerText()).resolves.toContain(en('cell_check_right'));
		await exercise.scrollIntoViewIfNeeded();
		await screenshot(page, 'lesson-cells-exercise-right');
		expect(problems.errors).toEqual([]);
		expect(problems.foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('the tfjs block exercise tells a wrong order from the right block', async () => {
		const { page, problems } = await openPage(
			browser,
			'/en/learn/depthwise-separable-convolution/'
		);
		const exercise = cell(page, 'separable-block');
		const check = exercise.locator('[data-testid="cell-check"]');
		const code = starter('depthwise-separable-convolution', 'separable-block');
		const input = 'model.add(tf.layers.inputLayer({ inputShape: [56, 56, M] }));';
		const depthwise =
			"model.add(tf.layers.depthwiseConv2d({ kernelSize: D_K, padding: 'same', useBias: false }));";
		const pointwise = 'model.add(tf.layers.conv2d({ filters: N, kernelSize: 1, useBias: false }));';

		await typeCode(page, exercise, code.replace(input, `${input}\n${pointwise}\n${depthwise}`));
		await run(exercise);
		await expect(check.getAttribute('data-ok')).resolves.toBe('false');
		await expect(check.innerText()).resolves.toContain(en('cell_hint_block_order'));

		await typeCode(page, exercise, code.replace(input, `${input}\n${depthwise}\n${pointwise}`));
		await run(exercise);
		await expect(check.getAttribute('data-ok')).resolves.toBe('true');
		// model.summary() printed both layers; the chart compares the two counts.
		const output = await exercise.locator('[data-testid="cell-output"]').innerText();
		expect(output).toContain('depthwise_conv2d');
		expect(output).toContain('(Conv2D)');
		expect(await exercise.locator('[data-testid="cell-output"] svg').count()).toBeGreaterThan(0);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('loads the code editor only when the student clicks the code, with the caret where they clicked', async () => {
		const slug = 'depthwise-separable-convolution';
		const { page, problems } = await openPage(browser, `/en/learn/${slug}/`);
		await readThrough(page);
		// Read to the end, past every cell: no editor, and none of its code loaded.
		expect(await page.locator('.cm-editor').count()).toBe(0);
		expect(await editorCodeLoaded(page)).toBe(false);

		const target = cell(page, 'depthwise-cost');
		const code = target.locator('[data-testid="cell-code"]');
		const n = embedded(slug).indexOf('depthwise-cost') + 1;
		// The plain code is a labelled text box in the tab order.
		await expect(code.getAttribute('role')).resolves.toBe('textbox');
		await expect(code.getAttribute('tabindex')).resolves.toBe('0');
		await expect(code.getAttribute('aria-label')).resolves.toBe(
			en('cell_editor_label').replace('{n}', String(n))
		);

		const lines = starter(slug, 'depthwise-cost').split('\n');
		const row = lines.findIndex((line) => line.includes('= undefined;'));
		const column = (lines[row] as string).indexOf('undefined');
		await code.scrollIntoViewIfNeeded();
		const before = await layoutOf(target, '[data-testid="cell-code"] .line');
		// Just inside the left edge of the "u" of undefined: the caret goes before it.
		const pointOnCode = () =>
			code.evaluate(
				(el, [row, column]) => {
					const line = el.querySelectorAll('.line')[row as number] as HTMLElement;
					const text = [...line.childNodes].find((node) => node.nodeType === Node.TEXT_NODE);
					const range = document.createRange();
					range.setStart(text as Node, column as number);
					range.setEnd(text as Node, (column as number) + 1);
					const box = range.getBoundingClientRect();
					const point = { x: box.left + 1, y: box.top + box.height / 2 };
					return line.contains(document.elementFromPoint(point.x, point.y)) ? point : null;
				},
				[row, column]
			);
		// A section scrolled into view is laid out for hit testing only at the next frame (they
		// skip rendering off screen, content-visibility: auto): a click before then lands on the
		// section itself, and only focuses the page.
		await expect.poll(pointOnCode, { timeout: 10_000 }).not.toBeNull();
		const point = (await pointOnCode()) as { x: number; y: number };
		await page.mouse.click(point.x, point.y);
		await target.locator('.cm-content').waitFor({ state: 'visible', timeout: 20_000 });
		expect(await editorCodeLoaded(page)).toBe(true);

		// The editor took the place of the plain code without moving a line.
		const after = await layoutOf(target, '.cm-line');
		expect(Math.abs(after.height - before.height)).toBeLessThanOrEqual(1);
		expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(1);
		expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(1);

		// It has the focus, and the caret is where the click was.
		await expect(
			target.locator('.cm-content').evaluate((el) => el === document.activeElement)
		).resolves.toBe(true);
		await page.keyboard.type('2 * ');
		const edited = [...lines];
		edited[row] = (lines[row] as string).replace('undefined', '2 * undefined');
		await expect(editorText(target)).resolves.toBe(edited.join('\n'));
		await expect(target.textContent()).resolves.toContain(en('cell_edited'));

		// In another cell, typing at once after the click is kept, though its editor is only starting.
		const other = cell(page, 'separable-block');
		await other.locator('[data-testid="cell-code"]').scrollIntoViewIfNeeded();
		await other.locator('[data-testid="cell-code"]').click();
		await page.keyboard.type('let x;');
		await expect(editorText(other)).resolves.toContain('let x;');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it("without the editor's code the plain code shows its focus ring and still runs with Ctrl+Enter", async () => {
		const { page } = await openPage(browser, '/en/learn/width-and-resolution/');
		await readThrough(page);
		// As if the editor's file could not be fetched (offline, a first visit).
		await page.route('**/*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes('cm-scroller')) await route.abort();
			else await route.fulfill({ response, body });
		});
		const target = cell(page, embedded('width-and-resolution')[0] as string);
		const code = target.locator('[data-testid="cell-code"]');
		await code.focus();
		await expect(code.evaluate((el) => el.matches(':focus-visible'))).resolves.toBe(true);
		const ring = await code.evaluate((el) => getComputedStyle(el).outlineStyle);
		expect(ring).toBe('solid');
		await page.keyboard.press('Control+Enter');
		await ranAs(target, 'done');
		expect(await page.locator('.cm-editor').count()).toBe(0);
		await expect(code.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await closeRouted(page);
	});

	for (const slug of LESSONS) {
		it(`${slug}: "run all" runs every cell without an error`, async () => {
			const { page, problems } = await openPage(browser, `/en/learn/${slug}/`);
			const ids = embedded(slug);
			await clickUntil(
				page.locator('[data-testid="notebook-run-all"]'),
				page.locator('[data-testid="cell"]:not([data-status="idle"])').first()
			);
			for (const id of ids) await ranAs(cell(page, id), 'done', 90_000);
			expect(await page.locator('[data-testid="cell-error"]').count()).toBe(0);
			for (const id of ids) {
				const target = cell(page, id);
				const isExercise = await target.evaluate((el) => el.classList.contains('exercise'));
				if (isExercise) {
					// The starter is not an answer yet: the check asks for one.
					await expect(
						target.locator('[data-testid="cell-check"]').getAttribute('data-ok')
					).resolves.toBe('false');
				} else {
					expect(
						await target.locator('[data-testid="cell-output"] > *').count(),
						id
					).toBeGreaterThan(0);
				}
			}
			await expect(page.locator('[data-testid="notebook-runtime"]').innerText()).resolves.toMatch(
				/wasm|cpu/
			);
			expect(problems.errors).toEqual([]);
			expect(problems.foreignRequests).toEqual([]);
			await page.context().close();
		}, 180_000);
	}

	it("the .ipynb download holds the lesson's cells in order, with the student's edits", async () => {
		const slug = 'mobilenet-v2';
		const { page } = await openPage(browser, `/en/learn/${slug}/`);
		const ids = embedded(slug);
		expect(ids.length).toBeGreaterThanOrEqual(2);
		const edited = 'const params = "an edit";';
		await typeCode(page, cell(page, ids[0] as string), edited);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-testid="notebook-download-ipynb"]').click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.ipynb$/);
		const notebook = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
		expect(notebook.nbformat).toBe(4);
		expect(notebook.metadata.kernelspec).toMatchObject({ language: 'javascript' });
		const [title, ...code] = notebook.cells;
		expect(title.cell_type).toBe('markdown');
		const heading = (await page.locator('h1').innerText()).trim();
		expect(title.source.join('')).toContain(`# ${heading}`);
		expect(code.map((c: { id: string }) => c.id)).toEqual(ids);
		expect(code.every((c: { cell_type: string }) => c.cell_type === 'code')).toBe(true);
		expect(code[0].source.join('')).toBe(edited);
		for (const [i, id] of ids.entries()) {
			if (i > 0) expect(code[i].source.join(''), id).toBe(starter(slug, id));
		}
		await page.context().close();
	});

	it('looks right on a desktop and on a phone', async () => {
		for (const width of [1280, 390]) {
			const { page, problems } = await openPage(browser, '/en/learn/mobilenet-v2/', {
				viewport: { width, height: 900 }
			});
			const target = cell(page, 'relu-manifold');
			await editorOf(target);
			await run(target);
			await target.locator('[data-testid="cell-output"] svg').first().waitFor();
			// Nothing pushes the page sideways: the editor and the charts stay inside the column.
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
			// From the heading that introduces the cell to the end of its output.
			const clip = await page.evaluate(() => {
				const top = document.getElementById('try-relu-spiral')?.getBoundingClientRect().top ?? 0;
				const cell = document.querySelector('[data-cell="relu-manifold"]')?.getBoundingClientRect();
				return {
					x: 0,
					y: top + window.scrollY - 16,
					width: document.documentElement.clientWidth,
					height: (cell?.bottom ?? top) - top + 32
				};
			});
			await page.screenshot({
				path: `test-output/screenshots/lesson-cells-mobilenet-v2-${width}.png`,
				fullPage: true,
				clip
			});
			expect(problems.errors).toEqual([]);
			await page.context().close();
		}
	});

	it('a cell runs on its own slide in the deck, and typing in it does not turn the slide', async () => {
		const slug = 'standard-convolution';
		const { page, problems } = await openPage(browser, `/en/present/${slug}/`, {
			viewport: { width: 1280, height: 720 }
		});
		await page.locator('[data-testid="slide"]').waitFor();
		expect(await page.locator('[data-testid="notebook-run-all"]').count()).toBe(0);
		const index = await page.evaluate(() =>
			[...document.querySelectorAll('.present-stage section.slide')].findIndex((slide) =>
				slide.querySelector('[data-cell="standard-cost"]')
			)
		);
		expect(index).toBeGreaterThan(0);
		await page.evaluate((i) => (location.hash = `#${i + 1}`), index);
		const slide = page.locator(`[data-testid="slide"][data-index="${index}"]`);
		await slide.waitFor();
		// The exercise's statement is prose, which the deck leaves to the speaker notes: the slide
		// projects its key points and the cell.
		expect(await page.locator('.present-stage #exercise-standard-cost').count()).toBe(0);
		expect(await slide.locator('[data-points] li').count()).toBeGreaterThan(0);
		const target = cell(slide, 'standard-cost');
		await expect(target.isVisible()).resolves.toBe(true);

		const code = starter(slug, 'standard-cost');
		await typeCode(
			page,
			target,
			code.replace('const cost = undefined;', 'const cost = D_K * D_K * M * N * D_F * D_F;')
		);
		// Space and arrows typed into the editor edit the code; they do not move the deck.
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Space');
		await expect(page.locator('[data-testid="slide"]').getAttribute('data-index')).resolves.toBe(
			String(index)
		);
		await page.keyboard.press('Backspace');
		await page.keyboard.press('Control+Enter');
		await ranAs(target, 'done');
		await expect(
			target.locator('[data-testid="cell-check"]').getAttribute('data-ok')
		).resolves.toBe('true');
		await expect(target.locator('[data-testid="cell-output"]').innerText()).resolves.toMatch(
			/56\D+56\D+64/
		);
		// The deck shrinks the slide to take in the output that appeared, rather than cutting it off.
		await page.waitForFunction(
			(i) => {
				const section = document.querySelector<HTMLElement>(
					`[data-testid="slide"][data-index="${i}"]`
				);
				return section !== null && section.scrollHeight <= section.clientHeight + 1;
			},
			index,
			{ timeout: 5000 }
		);
		await page.screenshot({ path: 'test-output/screenshots/lesson-cells-slide.png' });
		expect(problems.errors).toEqual([]);
		expect(problems.foreignRequests).toEqual([]);
		await page.context().close();
	});
});
