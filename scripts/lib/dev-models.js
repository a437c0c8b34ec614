// A Vite plugin for `npm run dev`: the development weights in ../shared/models under /models/
// (a copy in static/models/ wins, as in the built site), and the cross-origin isolation headers
// the preview server sends, so that the lab behaves in development as it does when served.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { isolationHeaders, sharedModelsDir } from './static-server.js';

/**
 * @param {string} projectRoot
 * @returns {import('vite').Plugin}
 */
export function devModels(projectRoot) {
	return {
		name: 'separable-dev-models',
		apply: 'serve',
		configureServer(server) {
			const dir = sharedModelsDir(projectRoot);
			const models = dir ? sirv(dir, { dev: true, etag: true }) : null;
			server.middlewares.use((req, res, next) => {
				for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value);
				const url = req.url ?? '/';
				if (!models || !url.startsWith('/models/')) return next();
				const path = decodeURIComponent(url.split('?')[0] ?? '');
				if (existsSync(resolve(projectRoot, 'static', `.${path}`))) return next();
				req.url = url.slice('/models'.length);
				models(req, res, () => {
					req.url = url;
					next();
				});
			});
		}
	};
}
