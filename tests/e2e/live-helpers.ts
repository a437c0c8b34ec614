/** Shared steps of the live-network browser tests (tests/e2e/live*.test.ts). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, JSHandle, Page } from 'playwright-core';
import { a11yViolations, openPage } from './browser';

const images = resolve(import.meta.dirname, '../../../shared/images');
/** A photo from ../shared/images. */
export const shared = (name: string) => join(images, name);

export interface Shown {
	label: string;
	prob: number;
}

/** The top-5 as shown. */
export function predictions(page: Page): Promise<Shown[]> {
	return page.$$eval('[data-testid="prediction"]', (els) =>
		els.map((el) => ({
			label: (el as HTMLElement).dataset.label!,
			prob: Number((el as HTMLElement).dataset.prob)
		}))
	);
}

/** The image id of the shown result ('' before any). */
export function shownImage(page: Page): Promise<string> {
	return page.evaluate(
		() => document.querySelector('[data-testid="predictions"]')?.getAttribute('data-image') ?? ''
	);
}

/** Waits until no request is pending and the shown result is for `config` (and a new image). */
export async function settled(page: Page, config: string, notImage?: string): Promise<Shown[]> {
	await page.waitForFunction(
		([config, notImage]) => {
			const list = document.querySelector('[data-testid="predictions"]');
			const live = document.querySelector('[data-testid="live"]');
			return (
				live?.getAttribute('data-pending') === 'false' &&
				list?.getAttribute('data-config') === config &&
				(notImage === null || list.getAttribute('data-image') !== notImage)
			);
		},
		[config, notImage ?? null] as const,
		{ timeout: 60_000 }
	);
	return predictions(page);
}

/** Gives the lab a file through its file input and waits for its classes. */
export async function upload(page: Page, file: string, config: string): Promise<Shown[]> {
	const before = await shownImage(page);
	await page.locator('[data-testid="image-input"]').setInputFiles(file);
	return settled(page, config, before);
}

export async function setResolution(page: Page, res: number): Promise<void> {
	const box = page.locator('[data-testid="res-input"]');
	await box.fill(String(res));
	await box.dispatchEvent('change');
}

/** Opens the lab with a query and waits until the query has been applied. */
export async function openLive(
	browser: Browser,
	query: string,
	options: Parameters<typeof openPage>[2] = {}
) {
	const opened = await openPage(browser, `/en/lab/?${query}`, options);
	await opened.page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
	return opened;
}

/** A DataTransfer in the page holding one file (for synthetic drop and paste events). */
export function fileTransfer(
	page: Page,
	file: { bytes: Buffer; name: string; type: string }
): Promise<JSHandle<DataTransfer>> {
	return page.evaluateHandle(
		({ base64, name, type }) => {
			const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
			const transfer = new DataTransfer();
			transfer.items.add(new File([bytes], name, { type }));
			return transfer;
		},
		{ base64: file.bytes.toString('base64'), name: file.name, type: file.type }
	);
}

/** A photo from ../shared/images as the bytes of a File. */
export function sharedFile(
	name: string,
	type = name.endsWith('.jpg') ? 'image/jpeg' : 'image/png'
) {
	return { bytes: readFileSync(shared(name)), name, type };
}

export const log = (what: string, shown: Shown[]) =>
	console.log(
		`${what}: ${shown
			.slice(0, 3)
			.map((s) => `${s.label} ${(s.prob * 100).toFixed(1)}%`)
			.join(', ')}`
	);

/** axe-core's serious and critical findings (see a11yViolations). */
export async function seriousA11yViolations(page: Page) {
	return (await a11yViolations(page)).filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
}
