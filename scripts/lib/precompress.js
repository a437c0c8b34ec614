// Writes brotli (.br) and gzip (.gz) copies of the built site's text files, which the static server
// sends to browsers that accept them, as a static host would: a lesson page is ~250 KB of HTML
// (KaTeX markup) that compresses to ~30 KB. adapter-static's own `precompress` uses brotli's top
// quality, which takes minutes on this machine for every build; quality 8 is ~10 % larger and
// takes seconds. Copies that are newer than their source are kept, so only a fresh build pays.
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|xml|txt|wasm)$/;
/** Below this a compressed copy saves less than the response headers it needs. */
const MIN_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const encoders = {
	br: (/** @type {Buffer} */ body) =>
		brotli(body, {
			params: {
				[zlib.constants.BROTLI_PARAM_QUALITY]: 8,
				[zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length
			}
		}),
	gz: (/** @type {Buffer} */ body) => gzip(body, { level: 9 })
};

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* filesIn(dir) {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* filesIn(path);
		else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) yield path;
	}
}

/** @param {string} path */
async function mtime(path) {
	try {
		return (await stat(path)).mtimeMs;
	} catch {
		return -1;
	}
}

/** @param {string} path */
async function compressFile(path) {
	const info = await stat(path);
	if (info.size < MIN_BYTES) return 0;
	let written = 0;
	/** @type {Buffer | undefined} */
	let body;
	for (const [extension, encode] of Object.entries(encoders)) {
		const target = `${path}.${extension}`;
		if ((await mtime(target)) >= info.mtimeMs) continue;
		body ??= await readFile(path);
		// Written aside and renamed: two servers starting on one build never see half a file.
		const partial = `${target}.${process.pid}.partial`;
		await writeFile(partial, await encode(body));
		await rename(partial, target);
		written += 1;
	}
	return written;
}

/**
 * Brings every compressed copy under `root` up to date.
 * @param {string} root
 * @returns {Promise<number>} how many copies were written
 */
export async function precompress(root) {
	const pending = [];
	let written = 0;
	for await (const path of filesIn(root)) {
		pending.push(compressFile(path).then((n) => (written += n)));
		// zlib runs on libuv's four threads; more in flight only holds more files in memory.
		if (pending.length >= 8) await Promise.all(pending.splice(0));
	}
	await Promise.all(pending);
	return written;
}
