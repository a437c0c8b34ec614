// Serves the built site: `npm run preview` (after `npm run build`), or `npm start`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { developmentModels, startStaticServer } from './lib/static-server.js';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../..');
const root = resolve(projectRoot, 'build');
if (!existsSync(resolve(root, 'index.html'))) {
	console.error('No built site in build/. Run `npm run build` first.');
	process.exit(1);
}

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const modelsDirs = await developmentModels(projectRoot);
const { url } = await startStaticServer({ root, port, host, modelsDirs });
console.log(`Separable is served at ${url}/`);
for (const dir of modelsDirs)
	console.log(`Development weights from ${dir} are served under /models/.`);
