// Bundles a page of scripts/bench/ into a temporary folder: model-page/ (a bare page over the real
// src/lib/model, under the lab's CSP, for the model benchmark and the model's browser tests) or
// bare-page/ (a plain tfjs page, the photo benchmark's reference). Nothing of it enters the site.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * Builds the page into a new temporary folder and returns its path (the caller removes it).
 * @param {'model-page' | 'bare-page'} [page]
 */
export async function bundleModelHarness(page = 'model-page') {
	const outDir = mkdtempSync(resolve(tmpdir(), `separable-${page}-`));
	await build({
		configFile: false,
		root: resolve(projectRoot, 'scripts/bench', page),
		base: '/',
		logLevel: 'error',
		resolve: { alias: { $lib: resolve(projectRoot, 'src/lib') } },
		build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false }
	});
	return outDir;
}
