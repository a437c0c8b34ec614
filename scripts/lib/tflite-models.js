// Google's 8-bit TensorFlow Lite MobileNets as the site's weights folders: getting the .tflite
// files (from ../shared/models/tflite, or from Google's hosting as whole files or inside a .tgz),
// converting them with src/lib/model/tflite (bundled by esbuild), and writing the folder through a
// verified temporary copy. The development servers and the tests keep their conversions in
// node_modules/.cache/separable-models/, redone only when a source file or the converter changes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTarGzip } from 'nanotar';
import { bundleTs, importTs } from './import-ts.js';
import { officialModels, replaceVerified, verifyModelDir } from './model-files.js';

const CONVERTER = 'src/lib/model/tflite/index.ts';
/** Written into each cached folder: what it was converted from, to tell when it is stale. */
const STAMP = 'converted-from.json';

/** @param {Uint8Array} bytes */
export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** @type {Promise<{ code: string, module: any }> | null} */
let converter = null;
function loadConverter() {
	converter ??= bundleTs(CONVERTER).then(async (code) => ({
		code,
		module: await importTs(CONVERTER, code)
	}));
	return converter;
}

/**
 * The folder of .tflite files beside the project (../shared/models/tflite), when it exists.
 * @param {string} projectRoot
 */
export function sharedTfliteDir(projectRoot) {
	const dir = resolve(projectRoot, process.env.SEPARABLE_SHARED ?? '../shared', 'models/tflite');
	return existsSync(dir) ? dir : null;
}

/**
 * The model's .tflite files from a local folder (null when one is missing).
 * @param {import('./model-files.js').ConvertedModel} model
 * @param {string} dir
 */
export function readShared(model, dir) {
	const paths = model.shared.map((name) => resolve(dir, name));
	if (!paths.every((path) => existsSync(path))) return null;
	return paths.map((path) => ({ name: path, bytes: new Uint8Array(readFileSync(path)) }));
}

/**
 * The model's whole .tflite file from Google: each download in order until one answers, checked
 * against its sha256 where the registry knows it, taken out of its .tgz where it comes in one.
 * @param {import('./model-files.js').ConvertedModel} model
 * @param {typeof fetch} [fetchFn]
 */
export async function download(model, fetchFn = fetch) {
	/** @type {string[]} */
	const failures = [];
	/** @type {unknown} */
	let last = null;
	for (const { url, member, sha256: expected } of model.downloads) {
		try {
			// A black-holed network must end in an error, not a hang.
			const response = await fetchFn(url, { signal: AbortSignal.timeout(120_000) });
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			const body = new Uint8Array(await response.arrayBuffer());
			if (expected && sha256(body) !== expected) {
				throw new Error(`sha256 ${sha256(body).slice(0, 8)}…, expected ${expected.slice(0, 8)}…`);
			}
			if (!member) return [{ name: url, bytes: body }];
			const entries = await parseTarGzip(body);
			const file = entries.find((e) => e.name.split('/').at(-1) === member && e.data);
			if (!file?.data) throw new Error(`${member} is not in the archive`);
			return [{ name: `${url}#${member}`, bytes: file.data }];
		} catch (error) {
			last = error;
			failures.push(`${url}: ${error instanceof Error ? error.message : error}`);
		}
	}
	// The cause is the last fetch's error: its own cause tells an offline machine (ENOTFOUND, …).
	throw new Error(`no download of ${model.id} answered (${failures.join('; ')})`, { cause: last });
}

/**
 * Converts the model's files and writes the weights folder `target` (replacing it only once the
 * new one verifies). Returns what it wrote.
 * @param {import('./model-files.js').ConvertedModel} model
 * @param {Array<{ name: string, bytes: Uint8Array }>} sources
 * @param {string} target
 * @param {Record<string, unknown>} [stamp] written beside model.json as converted-from.json
 */
export async function convertModel(model, sources, target, stamp) {
	const { module } = await loadConverter();
	const folder = module.convertedFolder(
		sources.map((s) => s.bytes),
		{ version: model.version, alpha: model.alpha, resolution: model.resolution },
		{
			model: model.id,
			sources: sources.map((s) => ({ file: s.name.split('/').at(-1), sha256: sha256(s.bytes) }))
		}
	);
	const check = await replaceVerified(target, async (tmp) => {
		for (const { path, bytes } of folder.files) writeFileSync(resolve(tmp, path), bytes);
		if (stamp) writeFileSync(resolve(tmp, STAMP), JSON.stringify(stamp));
	});
	return { ...folder, bytes: check.bytes };
}

/**
 * Converts every 8-bit model found in ../shared/models/tflite into the development cache, where
 * the cached copy is missing or stale, and returns the cache folder (null without the files).
 * @param {string} projectRoot
 */
export async function developmentConversions(projectRoot) {
	const dir = sharedTfliteDir(projectRoot);
	if (!dir) return null;
	const cache = resolve(projectRoot, 'node_modules/.cache/separable-models');
	mkdirSync(cache, { recursive: true });
	const { code } = await loadConverter();
	const converterHash = sha256(new TextEncoder().encode(code));
	for (const model of officialModels(projectRoot).converted) {
		const sources = readShared(model, dir);
		if (!sources) continue;
		const stamp = { converter: converterHash, sources: sources.map((s) => sha256(s.bytes)) };
		const target = resolve(cache, model.id);
		const stampFile = resolve(target, STAMP);
		const current =
			existsSync(stampFile) &&
			readFileSync(stampFile, 'utf8') === JSON.stringify(stamp) &&
			verifyModelDir(target).ok;
		if (!current) await convertModel(model, sources, target, stamp);
	}
	return cache;
}
