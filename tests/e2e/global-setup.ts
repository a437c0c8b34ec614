import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { developmentModels, startStaticServer } from '../../scripts/lib/static-server.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		offlineBaseURL: string;
	}
}

// Two servers over the same build: one as in development (with ../shared/models and its 8-bit models
// converted), one with no weights at all.
export default async function setup(project: TestProject) {
	const projectRoot = resolve(import.meta.dirname, '../..');
	const out = process.env.SEPARABLE_OUT;
	const root = resolve(projectRoot, out ? `build-${out}` : 'build');
	if (!existsSync(resolve(root, 'index.html'))) {
		throw new Error('No built site in build/: run `npm run build` before the browser tests.');
	}
	const online = await startStaticServer({
		root,
		modelsDirs: await developmentModels(projectRoot)
	});
	const offline = await startStaticServer({ root, offlineModels: true });
	project.provide('baseURL', online.url);
	project.provide('offlineBaseURL', offline.url);
	return async () => {
		await Promise.all([online, offline].map(({ server }) => new Promise((r) => server.close(r))));
	};
}
