// `npm run models`: puts Google's official MobileNet weights into static/models/<id>/ so the site
// serves them itself (same origin, works offline), each folder verified against its manifest:
// - the float V1 models (tfjs layers format), copied as they are;
// - the 8-bit TensorFlow Lite models (V2 1.0, V1 1.0, V1 0.5-160), converted for the site with
//   their 8-bit kernels kept (src/lib/model/tflite).
//
//   npm run models                         from ../shared/models when it is beside the project, else Google
//   npm run models -- --download           from Google's hosting (needs internet)
//   npm run models -- --from <dir>         from a folder of <id>/ layers models and tflite/*.tflite
//   options: --to <dir> (default static/models), --only <id> (repeatable)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { copyModel, downloadModel, officialModels } from './lib/model-files.js';
import { sharedModelsDir } from './lib/static-server.js';
import { convertModel, download, readShared } from './lib/tflite-models.js';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../..');
const USAGE = 'Usage: npm run models [-- --download | --from <dir>] [--to <dir>] [--only <id>]...';

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {{ from: string | null, download: boolean, to: string, only: string[] }} */
	const args = { from: null, download: false, to: resolve(projectRoot, 'static/models'), only: [] };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		if (flag === '--download') {
			args.download = true;
		} else if ((flag === '--from' || flag === '--to' || flag === '--only') && value) {
			if (flag === '--from') args.from = resolve(value);
			if (flag === '--to') args.to = resolve(value);
			if (flag === '--only') args.only.push(value);
			i++;
		} else {
			console.error(`Unknown or incomplete option ${flag}. ${USAGE}`);
			process.exit(2);
		}
	}
	if (args.download && args.from) {
		console.error(`--download and --from exclude each other. ${USAGE}`);
		process.exit(2);
	}
	if (!args.download && !args.from) {
		args.from = sharedModelsDir(projectRoot);
		args.download = args.from === null;
	}
	return args;
}

/**
 * Why a download looks like an offline machine (a network error code), or null.
 * @param {unknown} error
 */
function offlineCause(error) {
	for (let e = /** @type {any} */ (error); e; e = e.cause) {
		const codes = [
			'ENOTFOUND',
			'EAI_AGAIN',
			'ECONNREFUSED',
			'ENETUNREACH',
			'ETIMEDOUT',
			'ECONNRESET'
		];
		if (codes.includes(e.code)) return e.code;
		if (e.name === 'TimeoutError') return 'timed out';
	}
	return /fetch failed/.test(String(error)) ? 'fetch failed' : null;
}

/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

const args = parseArgs(process.argv.slice(2));
const { remoteBase, layers, converted } = officialModels(projectRoot);
const ids = [...layers, ...converted].map((m) => m.id);
const unknown = args.only.filter((id) => !ids.includes(id));
if (unknown.length > 0) {
	console.error(`No official model is called ${unknown.join(', ')}. Known: ${ids.join(', ')}.`);
	process.exit(2);
}
/** @param {{ id: string }} m */
const wanted = (m) => args.only.length === 0 || args.only.includes(m.id);
console.log(args.download ? 'From Google’s hosting:' : `From ${args.from}:`);

let failed = 0;
let done = 0;
let offline = false;
/** @param {string} id @param {() => Promise<string | null>} job */
async function step(id, job) {
	if (offline) return;
	try {
		const line = await job();
		if (line) {
			console.log(`✓ ${id}: ${line}`);
			done++;
		}
	} catch (error) {
		failed++;
		const cause = args.download ? offlineCause(error) : null;
		if (cause) {
			offline = true;
			console.error(
				`✗ ${id}: Google's hosting cannot be reached (${cause}).\n` +
					'  This machine looks offline. Run `npm run models -- --download` on a machine with internet and\n' +
					'  copy static/models/, or convert from a folder that holds the files: `npm run models -- --from ../shared/models`.'
			);
			return;
		}
		console.error(`✗ ${id}: ${error instanceof Error ? error.message : error}`);
	}
}

for (const { id } of layers.filter(wanted)) {
	const target = resolve(args.to, id);
	await step(id, async () => {
		if (args.download) {
			const { bytes } = await downloadModel(`${remoteBase}${id}/model.json`, target);
			return `downloaded and verified, ${mb(bytes)} → ${target}`;
		}
		const source = resolve(/** @type {string} */ (args.from), id);
		if (!existsSync(resolve(source, 'model.json'))) {
			console.log(`- ${id}: not in ${args.from}, skipped`);
			return null;
		}
		const { bytes } = await copyModel(source, target);
		return `copied and verified, ${mb(bytes)} → ${target}`;
	});
}

for (const model of converted.filter(wanted)) {
	const target = resolve(args.to, model.id);
	await step(model.id, async () => {
		const dir = args.from ? resolve(args.from, 'tflite') : null;
		const sources = dir ? readShared(model, dir) : await download(model);
		if (!sources) {
			console.log(`- ${model.id}: ${model.shared.join(' + ')} not in ${dir}, skipped`);
			return null;
		}
		const { bytes, tensors } = await convertModel(model, sources, target);
		return `converted (${tensors} tensors mapped, 8-bit kernels kept), ${mb(bytes)} → ${target}`;
	});
}

if (failed > 0 || done === 0) {
	if (done === 0 && failed === 0) console.error('Nothing was copied or converted.');
	process.exit(1);
}
