// The official MobileNet files on disk: which models exist (src/lib/model/official-models.json),
// checking a folder against its model.json manifest, and copying or downloading into static/models/
// (the 8-bit conversions are made by tflite-models.js).
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { resolve } from 'node:path';

/** Bytes per value of each dtype a tfjs weights manifest may name. */
const DTYPE_BYTES = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/**
 * @typedef {{ url: string, member?: string, sha256?: string }} Download
 * @typedef {{ id: string, version: string, alpha: number, resolution: number, shared: string[], downloads: Download[] }} ConvertedModel
 * @param {string} projectRoot
 * @returns {{ remoteBase: string, layers: Array<{ id: string, alpha: number }>, converted: ConvertedModel[] }}
 */
export function officialModels(projectRoot) {
	return JSON.parse(
		readFileSync(resolve(projectRoot, 'src/lib/model/official-models.json'), 'utf8')
	);
}

/**
 * Bytes a manifest group's shards must add up to.
 * @param {{ weights: Array<{ name: string, shape: number[], dtype: string, quantization?: { dtype: string } }> }} group
 */
function groupBytes(group) {
	return group.weights.reduce((sum, w) => {
		const dtype = w.quantization?.dtype ?? w.dtype;
		const bytes = DTYPE_BYTES[/** @type {keyof typeof DTYPE_BYTES} */ (dtype)];
		if (!bytes) throw new Error(`unknown dtype ${dtype} for ${w.name}`);
		return sum + w.shape.reduce((a, b) => a * b, 1) * bytes;
	}, 0);
}

/**
 * Reads model.json and lists every file the model needs.
 * @param {string} dir
 */
function manifestFiles(dir) {
	const model = JSON.parse(readFileSync(resolve(dir, 'model.json'), 'utf8'));
	if (!Array.isArray(model.weightsManifest)) throw new Error('model.json has no weightsManifest');
	/** @type {Array<{ paths: string[], weights: any[] }>} */
	const groups = model.weightsManifest;
	return { model, groups, files: ['model.json', ...groups.flatMap((g) => g.paths)] };
}

/**
 * Checks a model folder against its manifest: model.json parses, every shard exists, and each
 * group's shards hold exactly the bytes its weights need.
 * @param {string} dir
 * @returns {{ ok: boolean, problems: string[], bytes: number }}
 */
export function verifyModelDir(dir) {
	/** @type {string[]} */
	const problems = [];
	let bytes = 0;
	let groups;
	try {
		({ groups } = manifestFiles(dir));
		bytes += statSync(resolve(dir, 'model.json')).size;
	} catch (error) {
		return {
			ok: false,
			problems: [`model.json: ${error instanceof Error ? error.message : error}`],
			bytes
		};
	}
	groups.forEach((group, g) => {
		let actual = 0;
		for (const path of group.paths) {
			const file = resolve(dir, path);
			if (!existsSync(file)) problems.push(`${path} is missing`);
			else actual += statSync(file).size;
		}
		bytes += actual;
		const expected = groupBytes(group);
		if (actual !== expected && group.paths.every((p) => existsSync(resolve(dir, p)))) {
			problems.push(
				`${group.paths.join(' + ')}: ${actual} bytes, the manifest needs ${expected} (group ${g + 1})`
			);
		}
	});
	return { ok: problems.length === 0, problems, bytes };
}

/**
 * Fills `target` through a temporary sibling folder, verified before it replaces anything, so an
 * interrupted run never leaves a half-written model behind.
 * @param {string} target
 * @param {(tmp: string) => Promise<void>} fill
 */
export async function replaceVerified(target, fill) {
	const tmp = `${target}.partial`;
	rmSync(tmp, { recursive: true, force: true });
	mkdirSync(tmp, { recursive: true });
	try {
		await fill(tmp);
		const check = verifyModelDir(tmp);
		if (!check.ok) throw new Error(check.problems.join('; '));
		rmSync(target, { recursive: true, force: true });
		renameSync(tmp, target);
		return check;
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

/**
 * Copies a model folder (model.json and its shards only) and verifies the copy.
 * @param {string} from
 * @param {string} to
 */
export function copyModel(from, to) {
	return replaceVerified(to, async (tmp) => {
		for (const file of manifestFiles(from).files)
			copyFileSync(resolve(from, file), resolve(tmp, file));
	});
}

/**
 * Downloads model.json and every shard it names, then verifies them.
 * @param {string} modelJsonUrl
 * @param {string} to
 * @param {typeof fetch} [fetchFn]
 */
export function downloadModel(modelJsonUrl, to, fetchFn = fetch) {
	return replaceVerified(to, async (tmp) => {
		/** @param {string} name */
		const get = async (name) => {
			const url = new URL(name, modelJsonUrl).href;
			// A black-holed network must end in an error, not a hang.
			const response = await fetchFn(url, { signal: AbortSignal.timeout(60_000) });
			if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
			writeFileSync(resolve(tmp, name), Buffer.from(await response.arrayBuffer()));
		};
		await get('model.json');
		const { files } = manifestFiles(tmp);
		for (const file of files.slice(1)) await get(file);
	});
}
