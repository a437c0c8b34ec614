/**
 * The live MobileNet (and the tfjs it pulls in) must reach the browser only on lab pages: nothing
 * outside src/lib/model may import it statically. A dynamic `import('$lib/model')` from the lab,
 * and type-only imports, are fine. So is the registry of trained weights, which the lab's controls
 * read before any tfjs loads: it imports nothing but the engine and a JSON file (checked below).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../../src', import.meta.url));

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory())
			return path.endsWith('lib/model') || entry.name === 'paraglide' ? [] : sources(path);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}

/** `import … from '…'` statements that are not `import type`. */
const staticImport = /^\s*import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm;

const REGISTRY = '$lib/model/registry';

it('keeps tfjs out of the registry of trained weights', () => {
	const source = readFileSync(join(src, 'lib/model/registry.ts'), 'utf8');
	const imports = [...source.matchAll(staticImport)].map(([, spec]) => spec);
	for (const spec of imports) expect(spec).toMatch(/^(\$lib\/architecture|\.\/[\w-]+\.json)$/);
});

it('keeps $lib/model out of every static import outside src/lib/model', () => {
	const offenders: string[] = [];
	for (const file of sources(src)) {
		for (const [, spec] of readFileSync(file, 'utf8').matchAll(staticImport)) {
			const path = spec!.startsWith('.') ? resolve(dirname(file), spec!) : spec!;
			if (path === REGISTRY || path === join(src, 'lib/model/registry')) continue;
			if (/^\$lib\/model(\/|$)/.test(path) || path.startsWith(join(src, 'lib/model'))) {
				offenders.push(`${relative(src, file)} imports ${spec}`);
			}
		}
	}
	expect(offenders).toEqual([]);
});
