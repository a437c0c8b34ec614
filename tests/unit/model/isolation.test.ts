/**
 * The live MobileNet (and the tfjs it pulls in) must reach the browser only on lab pages: nothing
 * outside src/lib/model may import it statically. A dynamic `import('$lib/model')` from the lab,
 * and type-only imports, are fine.
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

it('keeps $lib/model out of every static import outside src/lib/model', () => {
	const offenders: string[] = [];
	for (const file of sources(src)) {
		for (const [, spec] of readFileSync(file, 'utf8').matchAll(staticImport)) {
			const path = spec!.startsWith('.') ? resolve(dirname(file), spec!) : spec!;
			if (/^\$lib\/model(\/|$)/.test(path) || path.startsWith(join(src, 'lib/model'))) {
				offenders.push(`${relative(src, file)} imports ${spec}`);
			}
		}
	}
	expect(offenders).toEqual([]);
});
