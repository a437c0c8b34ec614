// The op-count lab while its α slider is dragged, in headless Chromium: one input event per
// animation frame (as a mouse drag delivers them), for each network. Measures, in the page,
// the time from the input event until the totals, table and chart are updated and laid out,
// and the frame-to-frame times meanwhile (16.7 ms is one frame at 60 Hz). The live network
// below builds once the slider rests (src/lib/lab/live.svelte.ts), so it is not in the drag.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../lib/chromium.js';
import { startStaticServer } from '../lib/static-server.js';
import { summarize } from '../lib/stats.js';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const VERSIONS = ['v1', 'v2', 'v3-large', 'v3-small'];
const FRAMES = 240;
const FRAME_BUDGET_MS = 1000 / 60;

export function buildDir() {
	const out = process.env.SEPARABLE_OUT;
	const dir = resolve(projectRoot, out ? `build-${out}` : 'build');
	if (!existsSync(resolve(dir, 'index.html'))) {
		console.error(`bench lab: no site in ${dir}, building it…`);
		const result = spawnSync('npx', ['vite', 'build'], { cwd: projectRoot, stdio: 'inherit' });
		if (result.status !== 0) throw new Error('vite build failed');
	}
	return dir;
}

/** @param {import('playwright-core').Page} page */
async function drag(page) {
	return page.evaluate(
		(frames) =>
			new Promise((done) => {
				const slider = /** @type {HTMLInputElement} */ (
					document.querySelector('[data-testid="alpha-slider"]')
				);
				const total = document.querySelector('[data-testid="total-macs"]');
				const steps = Math.round((Number(slider.max) - Number(slider.min)) / Number(slider.step));
				const update = [];
				const frame = [];
				const seen = new Set();
				let last = performance.now();
				let i = 0;
				const tick = (now) => {
					frame.push(now - last);
					last = now;
					// Walk the slider back and forth, one step per frame.
					const k = i % (2 * steps);
					const position = k <= steps ? k : 2 * steps - k;
					slider.value = String(Number(slider.min) + position * Number(slider.step));
					const start = performance.now();
					slider.dispatchEvent(new Event('input', { bubbles: true }));
					// Svelte applies state changes in a microtask; then force style and layout.
					queueMicrotask(() => {
						document.body.getBoundingClientRect();
						update.push(performance.now() - start);
						seen.add(total?.getAttribute('data-value'));
					});
					i += 1;
					if (i < frames) requestAnimationFrame(tick);
					else
						setTimeout(
							() => done({ update, frame: frame.slice(2), distinctTotals: seen.size }),
							50
						);
				};
				requestAnimationFrame(tick);
			}),
		FRAMES
	);
}

export async function run() {
	const executablePath = ensureChromium();
	const root = buildDir();
	const { server, url } = await startStaticServer({ root, offlineModels: true });
	const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const perVersion = {};
		for (const version of VERSIONS) {
			await page.goto(`${url}/en/lab/?version=${version}&alpha=1&res=224`);
			await page.locator('[data-testid="lab"][data-ready="true"]').waitFor();
			// The live network builds for the opening config first; the drag starts after it.
			await page.locator('[data-testid="live"][data-pending="false"]').waitFor();
			const rows = await page.locator('[data-testid="layer-row"]').count();
			const { update, frame, distinctTotals } = await drag(page);
			perVersion[version] = {
				layers: rows,
				distinctTotals,
				inputToLayoutMs: summarize(update),
				frameMs: summarize(frame),
				slowFrames: frame.filter((d) => d > FRAME_BUDGET_MS * 1.5).length
			};
		}
		return { viewport: '1280×900', framesPerVersion: FRAMES, perVersion };
	} finally {
		await browser.close();
		await new Promise((r) => server.close(r));
	}
}
