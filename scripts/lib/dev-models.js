// A Vite plugin for `npm run dev`: the development weights under /models/ (../shared/models and
// the 8-bit models converted from its tflite/ folder; a copy in static/models/ wins, as in the
// built site), and the cross-origin isolation headers the preview server sends, so that the lab
// behaves in development as it does when served.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { developmentModels, isolationHeaders } from './static-server.js';

/**
 * @param {string} projectRoot
 * @returns {import('vite').Plugin}
 */
export function devModels(projectRoot) {
	return {
		name: 'separable-dev-models',
		apply: 'serve',
		async configureServer(server) {
			const models = (await developmentModels(projectRoot)).map((dir) =>
				sirv(dir, { dev: true, etag: true })
			);
			server.middlewares.use((req, res, next) => {
				for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value);
				const url = req.url ?? '/';
				if (models.length === 0 || !url.startsWith('/models/')) return next();
				const path = decodeURIComponent(url.split('?')[0] ?? '');
				if (existsSync(resolve(projectRoot, 'static', `.${path}`))) return next();
				req.url = url.slice('/models'.length);
				/** @param {number} i @returns {void} */
				const tryFrom = (i) => {
					const serve = models[i];
					if (serve) {
						serve(req, res, () => tryFrom(i + 1));
						return;
					}
					req.url = url;
					next();
				};
				tryFrom(0);
			});
		}
	};
}
