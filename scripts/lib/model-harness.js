// Bundles scripts/bench/model-page/ — a bare page over the real src/lib/model, under the lab's
// CSP — for the model benchmark and the model's browser tests. Nothing of it enters the site.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');

/** Builds the page into a new temporary folder and returns its path (the caller removes it). */
export async function bundleModelHarness() {
	const outDir = mkdtempSync(resolve(tmpdir(), 'separable-model-harness-'));
	await build({
		configFile: false,
		root: resolve(projectRoot, 'scripts/bench/model-page'),
		base: '/',
		logLevel: 'error',
		resolve: { alias: { $lib: resolve(projectRoot, 'src/lib') } },
		build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false }
	});
	return outDir;
}
