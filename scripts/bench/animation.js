// Frame times of the side-by-side and grouped convolution animations at the largest sizes they
// allow (D_K 5, M 16, N 16, D_F 10; grouped at g = 1, its deepest filters, and g = M), in headless Chromium: requestAnimationFrame deltas measured in the
// page, plus Chrome's own layout and style counters per frame as the layout-thrash indicator
// (one layout per frame is normal; more means script forced synchronous layouts).
import { existsSync } from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../lib/chromium.js';
import { startStaticServer } from '../lib/static-server.js';
import { summarize } from '../lib/stats.js';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const SIZES = { dk: 5, m: 16, n: 16, df: 10, stride: 1 };
const SECONDS = 6;
const SETTLE_MS = 500;
const FRAME_BUDGET_MS = 1000 / 60;

function buildDir() {
	const out = process.env.SEPARABLE_OUT;
	const dir = resolve(projectRoot, out ? `build-${out}` : 'build');
	if (!existsSync(resolve(dir, 'index.html'))) {
		console.error(`bench animation: no site in ${dir}, building it…`);
		const result = spawnSync('npx', ['vite', 'build'], { cwd: projectRoot, stdio: 'inherit' });
		if (result.status !== 0) throw new Error('vite build failed');
	}
	return dir;
}

/** Chrome's cumulative counters, from the DevTools protocol. */
async function metrics(cdp) {
	const { metrics: list } = await cdp.send('Performance.getMetrics');
	return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * Milliseconds of CPU (thread time) in top-level tasks of the page's threads: the renderer's main,
 * compositor and raster threads, and the display compositor that draws the frames without a GPU;
 * and the main thread's CPU in each frame (its tasks from the start of one rendering update to the next).
 * @param {{ traceEvents: any[] }} trace
 */
function threadTimes(trace) {
	const names = new Map();
	for (const e of trace.traceEvents) {
		if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
	}
	const renderer = trace.traceEvents.find(
		(e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain'
	)?.pid;
	/** @type {Record<string, number>} */
	const sums = { main: 0, compositor: 0, raster: 0, display: 0 };
	/** @type {{ ts: number, ms: number }[]} */
	const mainTasks = [];
	/** @type {number[]} */
	const frameStarts = [];
	for (const e of trace.traceEvents) {
		if (e.ph !== 'X' || typeof e.tdur !== 'number') continue;
		const thread = names.get(`${e.pid}:${e.tid}`) ?? '';
		const task = e.name === 'ThreadControllerImpl::RunTask';
		let kind = null;
		if (task && thread === 'CrRendererMain') kind = 'main';
		else if (task && thread === 'Compositor' && e.pid === renderer) kind = 'compositor';
		else if (task && thread === 'VizCompositorThread') kind = 'display';
		else if (e.name === 'TaskGraphRunner::RunTask' && e.pid === renderer) kind = 'raster';
		if (kind) sums[kind] += e.tdur / 1000;
		if (kind === 'main') mainTasks.push({ end: e.ts + e.dur, ms: e.tdur / 1000 });
	}
	for (const e of trace.traceEvents) {
		const thread = names.get(`${e.pid}:${e.tid}`) ?? '';
		if (e.name === 'AnimationFrame::Render' && e.ph === 'b' && thread === 'CrRendererMain') {
			frameStarts.push(e.ts);
		}
	}
	// A task belongs to the frame whose rendering update last began before the task ended: the
	// task that runs rAF callbacks, style, layout and paint, then input and timers until the next.
	frameStarts.sort((a, b) => a - b);
	mainTasks.sort((a, b) => a.end - b.end);
	const perFrame = frameStarts.slice(0, -1).map(() => 0);
	let frame = -1;
	for (const { end, ms } of mainTasks) {
		while (frame + 1 < frameStarts.length && frameStarts[frame + 1] <= end) frame++;
		if (frame >= 0 && frame < perFrame.length) perFrame[frame] += ms;
	}
	return { sums, mainPerFrame: perFrame };
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {{ mode: 'side-by-side' | 'grouped', view: 'stack' | 'unfolded', groups?: number }} what
 */
async function measure(browser, page, cdp, { mode, view, groups }) {
	const figure = page.locator(`[data-testid="conv-animation"][data-mode="${mode}"]`);
	await figure.scrollIntoViewIfNeeded();
	if ((await figure.getAttribute('data-playing')) === 'true') {
		await figure.locator('[data-testid="anim-play"]').click();
	}
	// Sizes, speed and view are under the figure's settings, closed at first.
	const settings = figure.locator('details.settings');
	if ((await settings.getAttribute('open')) === null) await settings.locator('summary').click();
	for (const [field, value] of Object.entries(SIZES)) {
		const input = figure.locator(`input[data-field="${field}"]`);
		if ((await input.count()) > 0) await input.fill(String(value));
	}
	if (groups !== undefined) {
		await figure.locator('[data-testid="conv-groups"]').fill(String(groups));
		await page.waitForFunction(
			(g) =>
				document
					.querySelector('[data-testid="conv-animation"][data-mode="grouped"]')
					?.getAttribute('data-groups') === String(g),
			groups
		);
	}
	await figure.locator(`input[type="radio"][value="${view}"]`).check();
	// 40 standard cells a second: the standard track moves every frame or two, the separable
	// track (16× smaller depthwise steps) several cells a frame, so every frame redraws.
	const speed = figure.locator('[data-testid="anim-speed"]');
	await speed.evaluate((input, value) => {
		const el = /** @type {HTMLInputElement} */ (input);
		el.value = String(value);
		el.dispatchEvent(new Event('input', { bubbles: true }));
	}, 52);
	const speedText = await figure.locator('.speed .value').textContent();
	await figure.locator('button', { hasText: 'Restart' }).click();
	const totals = await figure
		.locator('[data-testid="op-counter"]')
		.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-total'))));
	const cells = await figure.locator('svg.scene polygon, svg.scene path').count();
	// At these sizes the figure is taller than the window: both views are measured with the top of
	// the tracks at the top of the window, so the same part of each (most of both tracks) is on
	// screen. (Play is then clicked in the page: a Playwright click would scroll to the button.)
	await figure.locator('.tracks').evaluate((tracks) => tracks.scrollIntoView({ block: 'start' }));
	// A student presses play some time after changing a size: the new scene is drawn by then.
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	await page.waitForTimeout(SETTLE_MS);

	const before = await metrics(cdp);
	const play = figure.locator('[data-testid="anim-play"]');
	await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
	await play.evaluate((button) => /** @type {HTMLButtonElement} */ (button).click());
	const deltas = await page.evaluate(
		(seconds) =>
			new Promise((done) => {
				const samples = [];
				let last = performance.now();
				const end = last + seconds * 1000;
				const frame = (now) => {
					samples.push(now - last);
					last = now;
					if (now < end) requestAnimationFrame(frame);
					else done(samples);
				};
				requestAnimationFrame(frame);
			}),
		SECONDS
	);
	const after = await metrics(cdp);
	const { sums: cpu, mainPerFrame } = threadTimes(
		JSON.parse((await browser.stopTracing()).toString('utf8'))
	);
	const progress = await figure
		.locator('[data-testid="op-counter"]')
		.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-value'))));
	await play.evaluate((button) => /** @type {HTMLButtonElement} */ (button).click());

	const frames = deltas.length;
	const per = (name) => Math.round(((after[name] - before[name]) / frames) * 1000) / 1000;
	const perMs = (name) => Math.round(((after[name] - before[name]) * 1000 * 1000) / frames) / 1000;
	return {
		mode,
		view,
		groups: Number(await figure.getAttribute('data-groups')),
		speed: speedText?.trim(),
		svgElements: cells,
		totals,
		progressAfterRun: progress,
		frames,
		fps: Math.round((frames / SECONDS) * 10) / 10,
		frameMs: summarize(deltas.slice(1)),
		droppedFrames: deltas.slice(1).filter((d) => d > FRAME_BUDGET_MS * 1.5).length,
		layoutsPerFrame: per('LayoutCount'),
		styleRecalcsPerFrame: per('RecalcStyleCount'),
		layoutMsPerFrame: perMs('LayoutDuration'),
		styleMsPerFrame: perMs('RecalcStyleDuration'),
		scriptMsPerFrame: perMs('ScriptDuration'),
		taskMsPerFrame: perMs('TaskDuration'),
		// CPU time (not wall time) per frame by thread: robust to a busy machine, it tells whether
		// a frame's work fits in 16.7 ms once the CPU is free.
		cpuMsPerFrame: Object.fromEntries(
			Object.entries(cpu).map(([thread, ms]) => [thread, Math.round((ms / frames) * 1000) / 1000])
		),
		// The main thread's CPU in each frame: its p95 is what must fit the 16.7 ms budget.
		mainCpuMs: summarize(mainPerFrame)
	};
}

export async function run() {
	const executablePath = ensureChromium();
	const root = buildDir();
	const { server, url } = await startStaticServer({ root });
	const browser = await chromium.launch({
		executablePath,
		headless: true,
		args: chromiumArgs
	});
	try {
		// Reduced motion: no other animation of the gallery autoplays and competes for the frames.
		const context = await browser.newContext({
			viewport: { width: 1600, height: 1000 },
			reducedMotion: 'reduce'
		});
		const page = await context.newPage();
		await page.goto(`${url}/en/explore/`);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const loadBefore = os.loadavg()[0];
		const results = [];
		for (const view of /** @type {const} */ (['stack', 'unfolded'])) {
			results.push(await measure(browser, page, cdp, { mode: 'side-by-side', view }));
		}
		for (const groups of [1, SIZES.m]) {
			results.push(await measure(browser, page, cdp, { mode: 'grouped', view: 'stack', groups }));
		}
		return {
			// Frame times mean little on a busy machine: the 1-minute load average around the run.
			loadAverage: [loadBefore, os.loadavg()[0]].map((l) => Math.round(l * 100) / 100),
			sizes: SIZES,
			viewport: '1600×1000',
			seconds: SECONDS,
			targetP95Ms: Math.round(FRAME_BUDGET_MS * 10) / 10,
			results
		};
	} finally {
		await browser.close();
		await new Promise((r) => server.close(r));
	}
}
