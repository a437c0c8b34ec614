// `npm run models`: puts Google's official MobileNet v1 weights into static/models/<id>/ so the site
// serves them itself (same origin, works offline), each folder verified against its manifest.
//
//   npm run models                        download from Google's tfjs-models hosting (needs internet)
//   npm run models -- --from ../shared/models   copy from a local folder of <id>/ folders instead
//   options: --to <dir> (default static/models), --only <id> (repeatable)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { copyModel, downloadModel, officialModels } from './lib/model-files.js';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../..');

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {{ from: string | null, to: string, only: string[] }} */
	const args = { from: null, to: resolve(projectRoot, 'static/models'), only: [] };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		if ((flag === '--from' || flag === '--to' || flag === '--only') && value) {
			if (flag === '--from') args.from = resolve(value);
			if (flag === '--to') args.to = resolve(value);
			if (flag === '--only') args.only.push(value);
			i++;
		} else {
			console.error(
				`Unknown or incomplete option ${flag}. Usage: npm run models [-- --from <dir>] [--to <dir>] [--only <id>]`
			);
			process.exit(2);
		}
	}
	return args;
}

/** @param {unknown} error */
function isOffline(error) {
	const cause = /** @type {{ cause?: { code?: string } }} */ (error)?.cause;
	return (
		['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET'].includes(
			cause?.code ?? ''
		) || /fetch failed/.test(String(error))
	);
}

const args = parseArgs(process.argv.slice(2));
const { remoteBase, models } = officialModels(projectRoot);
const wanted = args.only.length ? models.filter((m) => args.only.includes(m.id)) : models;
if (wanted.length === 0) {
	console.error(
		`No official model is called ${args.only.join(', ')}. Known: ${models.map((m) => m.id).join(', ')}.`
	);
	process.exit(2);
}

let failed = 0;
let done = 0;
for (const { id } of wanted) {
	const target = resolve(args.to, id);
	try {
		if (args.from) {
			const source = resolve(args.from, id);
			if (!existsSync(resolve(source, 'model.json'))) {
				console.log(`- ${id}: not in ${args.from}, skipped`);
				continue;
			}
			const { bytes } = await copyModel(source, target);
			console.log(`✓ ${id}: copied and verified, ${(bytes / 1e6).toFixed(1)} MB → ${target}`);
		} else {
			const { bytes } = await downloadModel(`${remoteBase}${id}/model.json`, target);
			console.log(`✓ ${id}: downloaded and verified, ${(bytes / 1e6).toFixed(1)} MB → ${target}`);
		}
		done++;
	} catch (error) {
		failed++;
		if (!args.from && isOffline(error)) {
			console.error(
				`✗ ${id}: cannot reach ${new URL(remoteBase).host} (${/** @type {any} */ (error)?.cause?.code ?? error}).\n` +
					'  This machine looks offline. Run `npm run models` on a machine with internet and copy static/models/,\n' +
					'  or copy from a folder that holds the models: `npm run models -- --from ../shared/models`.'
			);
			break;
		}
		console.error(`✗ ${id}: ${error instanceof Error ? error.message : error}`);
	}
}
if (failed > 0 || done === 0) {
	if (done === 0 && failed === 0) console.error('Nothing was copied.');
	process.exit(1);
}
