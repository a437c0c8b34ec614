/** Shared steps of the notebook browser tests (the playground and the cells in lessons). */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

const messages = JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<string, string>;

/** An English message; a missing key fails the test here rather than matching ''. */
export function en(key: string): string {
	const text = messages[key];
	if (text === undefined) throw new Error(`no message ${key}`);
	return text;
}

/** A cell's starter code as the page shows it (without the file's final newline). */
export const starter = (lesson: string, id: string) =>
	readFileSync(`content/cells/${lesson}/${id}.js`, 'utf8').replace(/\n+$/, '');

export function cell(scope: Page | Locator, id: string): Locator {
	return scope.locator(`[data-testid="cell"][data-cell="${id}"]`);
}

/**
 * The cell's editor, opened the way a student opens it: CodeMirror loads only when they click the
 * code. A click that lands before the page has hydrated does nothing, so it is repeated.
 */
export async function editorOf(target: Locator): Promise<Locator> {
	const content = target.locator('.cm-content');
	const code = target.locator('[data-testid="cell-code"]');
	for (let attempt = 0; attempt < 20 && (await content.count()) === 0; attempt++) {
		await code.click({ timeout: 2000 }).catch(() => {
			// The plain code was replaced by the editor meanwhile.
		});
		await content.waitFor({ state: 'visible', timeout: 2000 }).catch(() => {
			// Not hydrated yet, or the editor's code is still on its way: click again.
		});
	}
	await content.waitFor({ state: 'visible', timeout: 20_000 });
	return content;
}

/** The text of a cell's editor, line by line as CodeMirror shows it. */
export async function editorText(target: Locator): Promise<string> {
	return (await editorOf(target)).evaluate((el) =>
		[...el.querySelectorAll('.cm-line')].map((line) => line.textContent).join('\n')
	);
}

/** Whether any script the page has loaded is CodeMirror's (its base theme names .cm-scroller). */
export async function editorCodeLoaded(page: Page): Promise<boolean> {
	const urls = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.map((entry) => entry.name)
			.filter((url) => new URL(url).pathname.endsWith('.js'))
	);
	for (const url of urls) {
		if ((await (await page.request.get(url)).text()).includes('cm-scroller')) return true;
	}
	return false;
}

/** Replaces a cell's code the way a student would: click into the editor, select all, type. */
export async function typeCode(page: Page, target: Locator, code: string): Promise<void> {
	const content = await editorOf(target);
	await content.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.insertText(code);
}

export async function ranAs(
	target: Locator,
	status: 'done' | 'error' | 'stale' | 'running',
	timeout = 60_000
): Promise<void> {
	await target.and(target.page().locator(`[data-status="${status}"]`)).waitFor({ timeout });
}

/** Presses the cell's Run button, as a student does, and waits until the run has ended `status`. */
export async function run(
	target: Locator,
	status: 'done' | 'error' | 'running' = 'done'
): Promise<void> {
	await target.locator('[data-testid="cell-run"]').click();
	await ranAs(target, status);
}
