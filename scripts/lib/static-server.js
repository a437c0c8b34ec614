// A static file server for the built site, used by `npm run preview`, the browser tests and the benchmarks.
// It adds what a plain static host would be configured with: compressed responses (brotli or gzip), cross-origin
// isolation headers (so tfjs can use wasm threads) and, for development and CI only, the official weights under
// /models/: the float ones from ../shared/models and the 8-bit ones converted from ../shared/models/tflite.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { precompress } from './precompress.js';
import { developmentConversions } from './tflite-models.js';

export const isolationHeaders = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

/**
 * The folder beside the project that holds development weights, when it exists.
 * @param {string} projectRoot
 */
export function sharedModelsDir(projectRoot) {
	const dir = resolve(projectRoot, process.env.SEPARABLE_SHARED ?? '../shared', 'models');
	return existsSync(dir) ? dir : null;
}

/**
 * The folders that serve /models/ in development and tests, in order: ../shared/models (float
 * layers models) and the conversions of its tflite/ files (made or refreshed here, a few seconds
 * the first time, nothing after). Empty without ../shared.
 * @param {string} projectRoot
 * @returns {Promise<string[]>}
 */
export async function developmentModels(projectRoot) {
	const shared = sharedModelsDir(projectRoot);
	const converted = await developmentConversions(projectRoot);
	return [shared, converted].filter((dir) => dir !== null);
}

/**
 * @param {{ root: string, port?: number, host?: string, modelsDirs?: string[], offlineModels?: boolean }} options
 *   modelsDirs: folders to serve under /models/ after the site's own, first match wins.
 *   offlineModels: serve no /models/ at all, as a site with no weights would.
 */
export async function startStaticServer({
	root,
	port = 0,
	host = '127.0.0.1',
	modelsDirs = [],
	offlineModels = false
}) {
	// sirv lists the files once, at start: the .br and .gz copies must exist by then.
	await precompress(root);
	const site = sirv(root, {
		dev: false,
		etag: true,
		extensions: ['html'],
		brotli: true,
		gzip: true
	});
	// adapter-static's 404.html renders the site's own not-found page, as static hosts serve it.
	/** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
	const notFoundPage = (req, res) => {
		req.url = '/404.html';
		res.statusCode = 404;
		site(req, res, () => notFound(res));
	};
	const models = offlineModels
		? []
		: modelsDirs.map((dir) => sirv(dir, { dev: false, etag: true }));

	const server = createServer((req, res) => {
		for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value);
		const url = req.url ?? '/';
		if (url.startsWith('/models/')) {
			if (offlineModels) return notFound(res);
			// Same-origin static/models (copied into the build) wins; the development folders fill in.
			return site(req, res, () => {
				req.url = url.slice('/models'.length);
				const tryFrom = (/** @type {number} */ i) => {
					const serve = models[i];
					if (!serve) return notFound(res);
					serve(req, res, () => tryFrom(i + 1));
				};
				tryFrom(0);
			});
		}
		site(req, res, () => notFoundPage(req, res));
	});

	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const address = server.address();
			const actualPort = typeof address === 'object' && address ? address.port : port;
			resolvePromise({ server, url: `http://${host}:${actualPort}` });
		});
	});
}

/** @param {import('node:http').ServerResponse} res */
function notFound(res) {
	res.statusCode = 404;
	res.setHeader('Content-Type', 'text/plain; charset=utf-8');
	res.end('Not found');
}
