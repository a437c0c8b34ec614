import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './browser';
import { seriousA11yViolations } from './live-helpers';
import { cell, editorOf, editorText, en, ranAs, run, starter, typeCode } from './cell-helpers';

const PLAYGROUND = '/en/notebook/';
/** The runtime's limit (src/lib/notebook/runtime.ts) plus room for a busy CI machine. */
const LIMIT_MS = 5000;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('notebook playground', () => {
	it('never allows eval on the page while its worker runs TensorFlow.js on wasm', async () => {
		const { page, problems } = await openPage(browser, PLAYGROUND);
		const csp = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		const scriptSrc = csp?.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
		// 'wasm-unsafe-eval' is the site's (src/lib/csp.ts); the page itself never evaluates code.
		expect(scriptSrc.split(/\s+/)).not.toContain("'unsafe-eval'");
		expect(await page.locator('[data-testid="cell"]').count()).toBe(4);
		// The code is in the prerendered HTML, before any script runs.
		const html = await (await page.request.get(page.url())).text();
		expect(html).toContain('tf.tensor2d');

		await page.locator('[data-testid="notebook-run-all"]').click();
		for (const id of ['tensors', 'images', 'charts', 'exercise'])
			await ranAs(cell(page, id), 'done');
		await expect(page.locator('[data-testid="notebook-runtime"]').textContent()).resolves.toContain(
			'wasm'
		);
		const output = cell(page, 'tensors').locator('[data-testid="cell-output"]');
		await expect(output.textContent()).resolves.toContain('[[2, 1],');
		expect(await cell(page, 'images').locator('canvas').count()).toBe(9);
		expect(await cell(page, 'charts').locator('svg path').count()).toBe(1);
		// One cell opened in the editor, the others as plain code: the screenshot shows both.
		await editorOf(cell(page, 'tensors'));
		await screenshot(page, 'notebook-playground-en');
		expect(problems.errors).toEqual([]);
		expect(problems.foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('runs an edited cell, keeps the edit across a reload, and Reset restores the lesson code', async () => {
		const { page, problems } = await openPage(browser, PLAYGROUND);
		const target = cell(page, 'tensors');
		await typeCode(
			page,
			target,
			'const answer = 6 * 7;\nshow.text("the answer is", answer);\nanswer * 2'
		);
		await page.keyboard.press('Control+Enter');
		await ranAs(target, 'done');
		const output = target.locator('[data-testid="cell-output"]');
		await expect(output.innerText()).resolves.toBe('the answer is 42\n84');

		await page.reload();
		await expect(editorText(cell(page, 'tensors'))).resolves.toContain('const answer = 6 * 7;');
		await expect(cell(page, 'tensors').textContent()).resolves.toContain(en('cell_edited'));

		await cell(page, 'tensors').locator('[data-testid="cell-reset"]').click();
		await expect(editorText(cell(page, 'tensors'))).resolves.toBe(starter('playground', 'tensors'));
		const saved = await page.evaluate(() =>
			Object.keys(localStorage).filter((k) => k.includes('tensors'))
		);
		expect(saved).toEqual([]);
		await page.reload();
		await expect(editorText(cell(page, 'tensors'))).resolves.not.toContain('answer');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('shares names between cells in order, and Shift+Enter moves to the next cell', async () => {
		const { page } = await openPage(browser, PLAYGROUND);
		await typeCode(page, cell(page, 'tensors'), 'const side = 7;');
		await page.keyboard.press('Shift+Enter');
		// Focus is now in the next cell's editor: type there directly.
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText('side * side');
		await page.keyboard.press('Control+Enter');
		await ranAs(cell(page, 'images'), 'done');
		await expect(
			cell(page, 'images').locator('[data-testid="cell-output"]').innerText()
		).resolves.toBe('49');
		await page.context().close();
	});

	it('stops an endless loop at the time limit, stays responsive, and runs again afterwards', async () => {
		const { page, problems } = await openPage(browser, PLAYGROUND);
		await run(cell(page, 'tensors'));

		const looping = cell(page, 'images');
		await typeCode(page, looping, 'let spins = 0;\nwhile (true) {\n\tspins++;\n}');
		const started = Date.now();
		await run(looping, 'running');

		// While the worker spins, the page still answers: edit and reset another cell.
		await typeCode(page, cell(page, 'charts'), 'const stillResponsive = true;');
		await expect(
			cell(page, 'charts').locator('[data-testid="cell-reset"]').isEnabled()
		).resolves.toBe(true);
		await cell(page, 'charts').locator('[data-testid="cell-reset"]').click();
		await expect(editorText(cell(page, 'charts'))).resolves.not.toContain('stillResponsive');
		expect(Date.now() - started).toBeLessThan(LIMIT_MS);

		await ranAs(looping, 'error', LIMIT_MS + 5000);
		const stoppedAfter = Date.now() - started;
		expect(stoppedAfter).toBeGreaterThanOrEqual(LIMIT_MS - 500);
		expect(stoppedAfter).toBeLessThan(LIMIT_MS + 4000);
		const message = await looping.locator('[data-testid="cell-error"]').innerText();
		expect(message).toContain(en('cell_timeout').replace('{seconds}', '5'));
		expect(message).toContain(en('cell_state_lost'));
		// The cell above ran in the worker that was stopped: its values are gone.
		await ranAs(cell(page, 'tensors'), 'stale');
		await screenshot(page, 'notebook-timeout');

		await typeCode(page, looping, '[1, 2, 3].map((x) => x * 10)');
		await run(looping);
		await expect(looping.locator('[data-testid="cell-output"]').innerText()).resolves.toBe(
			'[10, 20, 30]'
		);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('gives a cell no document, no page storage and no network', async () => {
		const { page } = await openPage(browser, PLAYGROUND);
		await page.evaluate(() => localStorage.setItem('page-secret', 'do not read'));
		const target = cell(page, 'tensors');
		await typeCode(
			page,
			target,
			[
				'[typeof document, typeof window, typeof localStorage, typeof self.localStorage,',
				' typeof fetch, typeof XMLHttpRequest, typeof indexedDB, typeof caches, typeof WebSocket].join(" ")'
			].join('\n')
		);
		await run(target);
		await expect(target.locator('[data-testid="cell-output"]').innerText()).resolves.toBe(
			Array(9).fill('undefined').join(' ')
		);

		await typeCode(page, target, 'document.cookie');
		await run(target, 'error');
		await expect(target.locator('[data-testid="cell-error"]').innerText()).resolves.toContain(
			'ReferenceError: document is not defined'
		);

		await typeCode(page, target, 'const m = await import("/en/");');
		await run(target, 'error');
		await expect(target.locator('[data-testid="cell-error"]').innerText()).resolves.toContain(
			en('cell_error_import')
		);
		await expect(page.evaluate(() => localStorage.getItem('page-secret'))).resolves.toBe(
			'do not read'
		);
		await page.context().close();
	});

	it('names a chart axis’s ticks alike: 5K beside 10K, not 5,000', async () => {
		const { page } = await openPage(browser, PLAYGROUND);
		const target = cell(page, 'tensors');
		await typeCode(page, target, 'show.line([[0, 0], [1, 20000]])');
		await run(target);
		const labels = await target
			.locator('[data-testid="cell-output"] svg text.tick')
			.allTextContents();
		expect(labels.slice(0, 5)).toEqual(['0', '5K', '10K', '15K', '20K']);
		await page.context().close();
	});

	it('shows syntax and runtime errors with their line, and the next run works', async () => {
		const { page } = await openPage(browser, PLAYGROUND);
		const target = cell(page, 'tensors');
		await typeCode(page, target, 'const a = 1;\nconst b = ;');
		await run(target, 'error');
		const syntax = await target.locator('[data-testid="cell-error"]').innerText();
		expect(syntax).toContain(en('cell_error_syntax'));
		expect(syntax).toContain('line 2, column 11');

		await typeCode(page, target, 'const t = tf.ones([2, 3]);\n\nt.matMul(tf.ones([2, 3]))');
		await run(target, 'error');
		const runtime = await target.locator('[data-testid="cell-error"]').innerText();
		expect(runtime).toMatch(/Error: .*matMul: inner shapes/);
		expect(runtime).toContain('line 3');
		// The editor marks the line the error points at.
		const marked = target.locator('.cm-line.cm-errorLine');
		await expect(marked.innerText()).resolves.toBe('t.matMul(tf.ones([2, 3]))');
		await expect(marked.evaluate((line) => getComputedStyle(line).backgroundColor)).resolves.toBe(
			await page.evaluate(() => {
				const probe = document.createElement('div');
				probe.style.background = 'var(--error-bg)';
				document.body.append(probe);
				const colour = getComputedStyle(probe).backgroundColor;
				probe.remove();
				return colour;
			})
		);
		await screenshot(page, 'notebook-error');

		await typeCode(page, target, 'tf.ones([2, 3]).matMul(tf.ones([3, 2])).arraySync()');
		await run(target);
		await expect(target.locator('[data-testid="cell-output"]').innerText()).resolves.toBe(
			'[[3, 3], [3, 3]]'
		);
		await page.context().close();
	});

	it('marks the error line on the plain code too, before the editor is opened', async () => {
		const { page, problems } = await openPage(browser, PLAYGROUND);
		const target = cell(page, 'tensors');
		await typeCode(page, target, 'const t = tf.ones([2, 3]);\n\nt.matMul(tf.ones([2, 3]))');
		// After a reload the edit is back, shown as plain code: the editor has not loaded.
		await page.reload();
		const code = target.locator('[data-testid="cell-code"]');
		// The prerendered page shows the lesson's code; the edit comes back once it has hydrated.
		await code.filter({ hasText: 't.matMul' }).waitFor({ timeout: 20_000 });
		await run(target, 'error');
		expect(await page.locator('.cm-editor').count()).toBe(0);
		const marked = code.locator('.error-line');
		await expect(marked.count()).resolves.toBe(1);
		await expect(marked.innerText()).resolves.toBe('t.matMul(tf.ones([2, 3]))');
		// Opened now, the editor marks the same line.
		await editorOf(target);
		await expect(target.locator('.cm-line.cm-errorLine').innerText()).resolves.toBe(
			't.matMul(tf.ones([2, 3]))'
		);
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('frees the tensors of a cell when it runs again', async () => {
		const { page } = await openPage(browser, PLAYGROUND);
		const target = cell(page, 'tensors');
		const reader = cell(page, 'images');
		await typeCode(
			page,
			target,
			'const big = tf.randomNormal([64, 64]);\nconst product = big.matMul(big).relu();'
		);
		await typeCode(page, reader, 'tf.memory().numTensors');
		const counts: string[] = [];
		for (let i = 0; i < 3; i++) {
			await run(target);
			await run(reader);
			counts.push(await reader.locator('[data-testid="cell-output"]').innerText());
		}
		// big and product stay (later cells may use them); the matMul before relu does not.
		expect(counts).toEqual(['2', '2', '2']);
		await expect(page.locator('[data-testid="notebook-runtime"]').innerText()).resolves.toContain(
			en('cell_tensors').replace('{count}', '2')
		);
		await page.context().close();
	});

	it('marks a wrong and a right answer, offering a solution only after an attempt', async () => {
		const { page, problems } = await openPage(browser, PLAYGROUND);
		const exercise = cell(page, 'exercise');
		await exercise.scrollIntoViewIfNeeded();
		await run(exercise);
		const check = exercise.locator('[data-testid="cell-check"]');
		await expect(check.getAttribute('data-ok')).resolves.toBe('false');
		await expect(check.innerText()).resolves.toContain(en('cell_hint_fill_in'));
		expect(await exercise.locator('[data-testid="cell-solution"]').count()).toBe(0);

		const code = starter('playground', 'exercise');
		await typeCode(
			page,
			exercise,
			code.replace('const cost = undefined;', 'const cost = M * N * D_F;')
		);
		await run(exercise);
		await expect(check.getAttribute('data-ok')).resolves.toBe('false');
		await expect(check.innerText()).resolves.toContain(en('cell_hint_every_position'));
		// The hint names the mistake, never the number.
		await expect(check.innerText()).resolves.not.toMatch(/\d{4,}/);
		await expect(exercise.locator('[data-testid="cell-solution"]').isVisible()).resolves.toBe(true);
		await screenshot(page, 'notebook-exercise-wrong');

		await typeCode(
			page,
			exercise,
			code.replace('const cost = undefined;', 'const cost = M * N * D_F ** 2;')
		);
		await run(exercise);
		await expect(check.getAttribute('data-ok')).resolves.toBe('true');
		await expect(check.innerText()).resolves.toContain(en('cell_check_right'));
		await screenshot(page, 'notebook-exercise-right');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	it('exports the cells, with the edits, as nbformat 4 and as a .js file', async () => {
		const { page } = await openPage(browser, PLAYGROUND);
		await typeCode(page, cell(page, 'images'), 'const edited = "by the student";');

		const [ipynb] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-testid="notebook-download-ipynb"]').click()
		]);
		expect(ipynb.suggestedFilename()).toBe('code-playground.ipynb');
		const notebook = JSON.parse(readFileSync((await ipynb.path()) as string, 'utf8'));
		expect(notebook.nbformat).toBe(4);
		expect(notebook.nbformat_minor).toBeGreaterThanOrEqual(5);
		expect(notebook.metadata.kernelspec).toMatchObject({
			name: 'javascript',
			language: 'javascript'
		});
		expect(notebook.metadata.language_info.name).toBe('javascript');
		const [title, ...code] = notebook.cells;
		expect(title.cell_type).toBe('markdown');
		expect(title.source.join('')).toContain(`# ${en('cell_playground_title')}`);
		expect(code.map((c: { id: string }) => c.id)).toEqual([
			'tensors',
			'images',
			'charts',
			'exercise'
		]);
		for (const c of code) {
			expect(c).toMatchObject({
				cell_type: 'code',
				execution_count: null,
				outputs: [],
				metadata: {}
			});
			expect(Array.isArray(c.source)).toBe(true);
		}
		expect(code[1].source.join('')).toBe('const edited = "by the student";');
		expect(code[0].source.join('')).toBe(starter('playground', 'tensors').trimEnd());

		const [js] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-testid="notebook-download-js"]').click()
		]);
		const text = readFileSync((await js.path()) as string, 'utf8');
		const markers = [...text.matchAll(/^\/\/ %% \[([\w-]+)\]$/gm)].map((match) => match[1]);
		expect(markers).toEqual(['tensors', 'images', 'charts', 'exercise']);
		expect(text).toContain('const edited = "by the student";');
		await page.context().close();
	});

	it('reads well in Russian and in the dark theme', async () => {
		const { page, problems } = await openPage(browser, '/ru/notebook/', { colorScheme: 'dark' });
		await page.locator('[data-testid="notebook-run-all"]').click();
		for (const id of ['tensors', 'images', 'charts', 'exercise'])
			await ranAs(cell(page, id), 'done');
		const ru = JSON.parse(readFileSync('messages/ru.json', 'utf8')) as Record<string, string>;
		await expect(page.locator('h1').textContent()).resolves.toBe(ru.cell_playground_title);
		await expect(
			cell(page, 'exercise').locator('[data-testid="cell-check"]').innerText()
		).resolves.toContain(ru.cell_hint_fill_in);
		// One cell opened in the editor, the others as plain code: the screenshot shows both.
		await editorOf(cell(page, 'tensors'));
		await screenshot(page, 'notebook-playground-ru-dark');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});

	describe('accessibility (axe-core) after every cell ran', () => {
		for (const scheme of ['light', 'dark'] as const) {
			it(`has no serious or critical violation (${scheme})`, async () => {
				// axe is injected as an inline script, which the site's CSP (rightly) forbids.
				const { page } = await openPage(browser, PLAYGROUND, {
					bypassCSP: true,
					colorScheme: scheme
				});
				await page.locator('[data-testid="notebook-run-all"]').click();
				for (const id of ['tensors', 'images', 'charts', 'exercise'])
					await ranAs(cell(page, id), 'done');
				// One cell opened in the editor, the others as plain code: axe checks both.
				await editorOf(cell(page, 'tensors'));
				expect(await seriousA11yViolations(page)).toEqual([]);
				await page.context().close();
			});
		}
	});

	it('fits a phone: nothing sticks out sideways', async () => {
		const { page, problems } = await openPage(browser, '/zh/notebook/', {
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		await page.locator('[data-testid="notebook-run-all"]').click();
		for (const id of ['tensors', 'images', 'charts', 'exercise'])
			await ranAs(cell(page, id), 'done');
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await screenshot(page, 'notebook-playground-zh-phone');
		expect(problems.errors).toEqual([]);
		await page.context().close();
	});
});
