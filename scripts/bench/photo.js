// `npm run bench -- photo`: a dropped photo to the frame that shows its top 5 classes, in the lab
// (V1 0.25-224, all its drawing included) against a bare tfjs page running Google's official
// 0.25 layers model with plain predict (scripts/bench/bare-page/), in headless Chromium. The same
// photos, dropped in turn on each page (interleaved, the order alternating), after a warm-up.
//
// Timed in the page, from dispatching the drop event to the frame that shows the new classes:
// a MutationObserver sees the classes change, a requestAnimationFrame callback waits for that
// frame, and a message posted from it arrives once the frame has been produced.
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../lib/chromium.js';
import { bundleModelHarness } from '../lib/model-harness.js';
import { developmentModels, startStaticServer } from '../lib/static-server.js';
import { summarize } from '../lib/stats.js';
import { buildDir } from './lab.js';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const PHOTOS = ['coffee.png', 'chelsea.png', 'astronaut.png', 'rocket.jpg', 'motorcycle_left.png'];
const RUNS = Number(process.env.BENCH_PHOTO_RUNS ?? 30);
const WARM_UP = 3;

/**
 * Drops a photo on the page's drop zone and resolves with the ms until the frame that shows the
 * classes `list` names (its data-image changes), and the page's User Timing measures meanwhile.
 * @param {import('playwright-core').Page} page
 * @param {{ base64: string, name: string, type: string, drop: string, list: string }} photo
 */
function dropAndTime(page, photo) {
	return page.evaluate(
		({ base64, name, type, drop, list }) =>
			new Promise((done, fail) => {
				setTimeout(() => fail(new Error(`no new classes for ${name} after 60 s`)), 60_000);
				const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
				const transfer = new DataTransfer();
				transfer.items.add(new File([bytes], name, { type }));
				const shown = () => document.querySelector(list)?.getAttribute('data-image') ?? null;
				const before = shown();
				const channel = new MessageChannel();
				let started = 0;
				performance.clearMeasures();
				// The lab's own User Timing measures of this drop (none on the bare page).
				const stages = () =>
					Object.fromEntries(
						performance.getEntriesByType('measure').map((m) => [m.name, m.duration])
					);
				channel.port1.onmessage = () => done({ ms: performance.now() - started, stages: stages() });
				const observer = new MutationObserver(() => {
					if (shown() === before) return;
					observer.disconnect();
					requestAnimationFrame(() => channel.port2.postMessage(null));
				});
				observer.observe(document.body, {
					subtree: true,
					childList: true,
					attributes: true,
					attributeFilter: ['data-image']
				});
				started = performance.now();
				document
					.querySelector(drop)
					?.dispatchEvent(
						new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
					);
			}),
		photo
	);
}

export async function run() {
	const executablePath = ensureChromium();
	const site = buildDir();
	const bare = await bundleModelHarness('bare-page');
	const modelsDirs = await developmentModels(projectRoot);
	const servers = await Promise.all([
		startStaticServer({ root: site, modelsDirs }),
		startStaticServer({ root: bare, modelsDirs })
	]);
	const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
	try {
		const lab = await (
			await browser.newContext({ viewport: { width: 1280, height: 900 } })
		).newPage();
		const plain = await (
			await browser.newContext({ viewport: { width: 1280, height: 900 } })
		).newPage();
		/** @type {string[]} */
		const errors = [];
		for (const page of [lab, plain]) page.on('pageerror', (e) => errors.push(String(e)));
		console.error('bench photo: opening the lab and the bare page…');
		await lab.goto(`${servers[0].url}/en/lab/?version=v1&alpha=0.25&res=224`);
		await lab
			.locator('[data-testid="weights-status"][data-state="trained"]')
			.waitFor({ timeout: 120_000 });
		await lab.locator('[data-testid="live"][data-pending="false"]').waitFor();
		await plain.goto(`${servers[1].url}/`);
		await plain.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });

		const photos = PHOTOS.map((name) => ({
			name,
			type: name.endsWith('.jpg') ? 'image/jpeg' : 'image/png',
			base64: readFileSync(resolve(projectRoot, '../shared/images', name)).toString('base64')
		}));
		const onLab = (/** @type {typeof photos[number]} */ p) =>
			dropAndTime(lab, {
				...p,
				drop: '[data-testid="image-drop"]',
				list: '[data-testid="predictions"]'
			});
		const onBare = (/** @type {typeof photos[number]} */ p) =>
			dropAndTime(plain, { ...p, drop: '[data-testid="drop"]', list: '[data-testid="classes"]' });

		console.error('bench photo: both pages ready, warming up…');
		for (let i = 0; i < WARM_UP; i++) {
			await onLab(photos[i % photos.length]);
			await onBare(photos[i % photos.length]);
		}
		/** @type {number[]} */
		const labMs = [];
		/** Each page's stages, from its User Timing measures: decode, pass, and the rest to the frame. */
		const stagesOf = () => ({ decode: [], pass: [], rest: [] });
		/** @type {Record<'lab' | 'bare', Record<string, number[]>>} */
		const stages = { lab: stagesOf(), bare: stagesOf() };
		const timed =
			(/** @type {'lab' | 'bare'} */ which, /** @type {typeof onLab} */ drop) =>
			async (/** @type {typeof photos[number]} */ p) => {
				const { ms, stages: measured } = await drop(p);
				const decode = measured[`${which}:decode`] ?? 0;
				const pass = measured[`${which}:pass`] ?? 0;
				stages[which].decode.push(decode);
				stages[which].pass.push(pass);
				stages[which].rest.push(ms - decode - pass);
				return ms;
			};
		const lab1 = timed('lab', onLab);
		const bare1 = timed('bare', onBare);
		/** @type {number[]} */
		const bareMs = [];
		for (let i = 0; i < RUNS; i++) {
			const photo = photos[i % photos.length];
			if (i % 2 === 0) {
				labMs.push(await lab1(photo));
				bareMs.push(await bare1(photo));
			} else {
				bareMs.push(await bare1(photo));
				labMs.push(await lab1(photo));
			}
		}
		const lab50 = summarize(labMs).median;
		const bare50 = summarize(bareMs).median;
		return {
			where: 'headless Debian Chromium, wasm backend (the lab’s choice) on both pages',
			loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
			photos: PHOTOS,
			runsEach: RUNS,
			labMs: summarize(labMs),
			bareMs: summarize(bareMs),
			ratio: Math.round((lab50 / bare50) * 1000) / 1000,
			stagesMs: Object.fromEntries(
				Object.entries(stages).map(([page, of]) => [
					page,
					Object.fromEntries(Object.entries(of).map(([stage, ms]) => [stage, summarize(ms)]))
				])
			),
			target: '≤ 0.6',
			notes: [
				'labMs: the lab at V1 0.25-224, a photo dropped on its drop zone to the frame that shows the new top 5 (decoding, checks, the pass, the network-input and original-image canvases, the list).',
				'bareMs: a plain tfjs page, Google’s V1 0.25 layers model, fromPixels → resizeBilinear → predict → top 5 into a list, timed the same way.',
				'ratio: median lab ms ÷ median bare ms.',
				'stagesMs: where each page’s milliseconds go, from its User Timing measures: decode (the file to pixels: the lab reads, checks and orients them; the bare page makes an ImageBitmap), pass (pixels to class scores: the lab’s pass reads back every layer; the bare page’s is fromPixels, resize, predict, data) and rest (to the frame that shows the classes: the lab’s list, canvases and strip; the bare page’s list).'
			],
			pageErrors: errors
		};
	} finally {
		await browser.close();
		await Promise.all(servers.map(({ server }) => new Promise((r) => server.close(r))));
		rmSync(bare, { recursive: true, force: true });
	}
}
