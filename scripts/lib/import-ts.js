// Loads a TypeScript module from src/ in plain Node (benchmarks, scripts): esbuild bundles it
// to ESM in memory and Node imports the result from a data: URL. `$lib/...` resolves to src/lib.
import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * Resolves SvelteKit's $lib alias the way vite does, trying the same extensions.
 * @param {string} root
 */
function libAlias(root) {
	return {
		name: 'sveltekit-lib-alias',
		/** @param {import('esbuild').PluginBuild} pluginBuild */
		setup(pluginBuild) {
			pluginBuild.onResolve({ filter: /^\$lib(\/|$)/ }, (args) => {
				const base = resolve(root, 'src/lib', args.path.replace(/^\$lib\/?/, ''));
				const candidates = [
					base,
					`${base}.ts`,
					`${base}.js`,
					`${base}/index.ts`,
					`${base}/index.js`
				];
				const found = candidates.find((path) => existsSync(path) && statSync(path).isFile());
				return found ? { path: found } : { errors: [{ text: `Cannot resolve ${args.path}` }] };
			});
		}
	};
}

/**
 * The module bundled to one ESM text.
 * @param {string} entry path from the project root, e.g. 'src/lib/architecture/index.ts'
 * @returns {Promise<string>}
 */
export async function bundleTs(entry) {
	const result = await build({
		entryPoints: [resolve(projectRoot, entry)],
		absWorkingDir: projectRoot,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		write: false,
		logLevel: 'silent',
		plugins: [libAlias(projectRoot)]
	});
	const [output] = result.outputFiles;
	if (!output) throw new Error(`esbuild produced no output for ${entry}`);
	return output.text;
}

/**
 * @param {string} entry path from the project root, e.g. 'src/lib/architecture/index.ts'
 * @param {string} [code] the module's bundle, when the caller has made it already
 * @returns {Promise<any>} the module's exports
 */
export async function importTs(entry, code) {
	const text = code ?? (await bundleTs(entry));
	return import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`);
}
