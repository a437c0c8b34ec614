import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every .ts, .js and .svelte file under `dir`, leaving out Paraglide's generated messages and any
 * folder `skip` names: what tests that read the site's own code search.
 */
export function sourceFiles(
	dir: string,
	skip: (folder: string) => boolean = () => false
): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			return entry.name === 'paraglide' || skip(path) ? [] : sourceFiles(path, skip);
		}
		return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}
