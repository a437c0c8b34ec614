// Notebook cells in headless Chromium, against the built playground (/en/notebook/):
// - bytes: gzip size of the page's JavaScript before any cell runs, of the editor chunk loaded
//   when a cell nears the viewport, and of what the first run loads (the worker and its wasm);
// - coldRunMs: from the first click on Run to the result, TensorFlow.js start-up included;
// - warmRunMs: the round trip of a trivial cell once the worker is up;
// - convRunMs: the standard-convolution lesson cell (a 3×3 conv2d, 56×56×32 → 64) on wasm.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../lib/chromium.js';
import { startStaticServer } from '../lib/static-server.js';
import { summarize } from '../lib/stats.js';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const COLD_RUNS = 3;
const WARM_RUNS = 20;
const CONV_RUNS = 5;

function buildDir() {
	const out = process.env.SEPARABLE_OUT;
	const dir = resolve(projectRoot, out ? `build-${out}` : 'build');
	if (!existsSync(resolve(dir, 'index.html'))) {
		throw new Error(`no built site in ${dir}: run \`npx vite build\` first`);
	}
	return dir;
}

/** Waits until the cell has finished and returns how long that took since `started`. */
async function finished(page, id, started) {
	await page.waitForFunction(
		(cellId) => {
			const status = document.querySelector(`[data-cell="${cellId}"]`)?.getAttribute('data-status');
			return status === 'done' || status === 'error';
		},
		id,
		{ timeout: 120_000, polling: 'raf' }
	);
	return performance.now() - started;
}

async function typeInto(page, id, code) {
	const content = page.locator(`[data-cell="${id}"] .cm-content`);
	await content.waitFor();
	await content.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.insertText(code);
}

export async function run() {
	const executablePath = ensureChromium();
	const root = buildDir();
	const { server, url } = await startStaticServer({ root });
	const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
	try {
		const cold = [];
		let bytes = null;
		for (let i = 0; i < COLD_RUNS; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const scripts = [];
			page.on('response', async (response) => {
				if (!/\.(js|wasm)$/.test(response.url())) return;
				const body = await response.body().catch(() => null);
				if (body) scripts.push({ url: response.url(), gzip: gzipSync(body).length });
			});
			await page.goto(`${url}/en/notebook/`, { waitUntil: 'networkidle' });
			const beforeRun = scripts.length;
			const run = page.locator('[data-cell="tensors"] [data-testid="cell-run"]');
			const started = performance.now();
			await run.click();
			cold.push(await finished(page, 'tensors', started));
			await page.waitForLoadState('networkidle');
			if (i === 0) {
				const sum = (list) => list.reduce((total, s) => total + s.gzip, 0);
				const page0 = scripts.slice(0, beforeRun);
				// The editor (CodeMirror) is the largest chunk the page loads, lazily, near a cell.
				const editor = Math.max(...page0.map((s) => s.gzip));
				bytes = {
					pageGzip: sum(page0) - editor,
					editorGzip: editor,
					firstRunGzip: sum(scripts.slice(beforeRun))
				};
			}
			await context.close();
		}

		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${url}/en/notebook/`);
		const runButton = page.locator('[data-cell="tensors"] [data-testid="cell-run"]');
		await typeInto(page, 'tensors', '1 + 1');
		let started = performance.now();
		await runButton.click();
		await finished(page, 'tensors', started);
		const warm = [];
		for (let i = 0; i < WARM_RUNS; i++) {
			started = performance.now();
			await runButton.click();
			warm.push(await finished(page, 'tensors', started));
		}
		const conv = readFileSync(
			resolve(projectRoot, 'content/cells/standard-convolution/standard-cost.js'),
			'utf8'
		);
		await typeInto(page, 'tensors', conv);
		const convRuns = [];
		for (let i = 0; i < CONV_RUNS; i++) {
			started = performance.now();
			await runButton.click();
			convRuns.push(await finished(page, 'tensors', started));
		}
		const backend = await page.locator('[data-testid="notebook-runtime"]').innerText();
		await context.close();
		return {
			backend: /\((\w+)\)/.exec(backend)?.[1] ?? backend,
			bytes,
			coldRunMs: summarize(cold),
			warmRunMs: summarize(warm),
			convRunMs: summarize(convRuns)
		};
	} finally {
		await browser.close();
		server.closeAllConnections?.();
		server.close();
	}
}
