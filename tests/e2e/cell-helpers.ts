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

/** The cell's editor, once CodeMirror has loaded (it loads when the cell nears the viewport). */
export async function editorOf(target: Locator): Promise<Locator> {
	await target.scrollIntoViewIfNeeded();
	const content = target.locator('.cm-content');
	await content.waitFor({ state: 'visible', timeout: 20_000 });
	return content;
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
