/**
 * The live MobileNet's tfjs must reach the browser only on lab pages: nothing outside
 * src/lib/model may statically import a module of it that pulls in tfjs, directly or through
 * other imports. Its pure modules (the registry, the loader, histograms…) may be imported; a
 * dynamic `import('$lib/model')` from the lab, and type-only imports, are fine.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { sourceFiles } from '../../source-files';

const src = fileURLToPath(new URL('../../../src', import.meta.url));
const model = join(src, 'lib/model');

/** `import … from '…'` and `export … from '…'` statements that are not type-only. */
const staticImport = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm;

/** The file an import names, for imports inside src/lib. */
function resolveImport(from: string, spec: string): string | null {
	const base = spec.startsWith('$lib/')
		? join(src, 'lib', spec.slice(5))
		: spec.startsWith('.')
			? resolve(dirname(from), spec)
			: null;
	if (!base) return null;
	return (
		[base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')].find(
			(path) => existsSync(path) && statSync(path).isFile()
		) ?? null
	);
}

const memo = new Map<string, boolean>();
/** Whether a module imports tfjs, itself or through any module it imports statically. */
function pullsTfjs(file: string, seen = new Set<string>()): boolean {
	if (memo.has(file)) return memo.get(file)!;
	if (seen.has(file) || file.endsWith('.json')) return false;
	seen.add(file);
	const result = [...readFileSync(file, 'utf8').matchAll(staticImport)].some(([, spec]) => {
		if (spec!.startsWith('@tensorflow/')) return true;
		const target = resolveImport(file, spec!);
		return target !== null && target.startsWith(src) && pullsTfjs(target, seen);
	});
	memo.set(file, result);
	return result;
}

it('keeps every module that pulls in tfjs out of static imports outside src/lib/model', () => {
	const offenders: string[] = [];
	for (const file of sourceFiles(src, (folder) => folder === model)) {
		for (const [, spec] of readFileSync(file, 'utf8').matchAll(staticImport)) {
			const target = resolveImport(file, spec!);
			if (target?.startsWith(model) && pullsTfjs(target)) {
				offenders.push(`${relative(src, file)} imports ${spec}`);
			}
		}
	}
	expect(offenders).toEqual([]);
});

it('knows which model modules pull in tfjs', () => {
	expect(pullsTfjs(join(model, 'index.ts'))).toBe(true);
	expect(pullsTfjs(join(model, 'session.ts'))).toBe(true);
	expect(pullsTfjs(join(model, 'registry.ts'))).toBe(false);
	expect(pullsTfjs(join(model, 'load.ts'))).toBe(false);
	expect(pullsTfjs(join(model, 'histogram.ts'))).toBe(false);
});
