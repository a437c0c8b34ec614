// A static file server for the built site, used by `npm run preview`, the browser tests and the benchmarks.
// It adds what a plain static host would be configured with: compressed responses (brotli or gzip), cross-origin
// isolation headers (so tfjs can use wasm threads) and, for development and CI only, the official weights
// from ../shared/models under /models/.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { precompress } from './precompress.js';

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
 * @param {{ root: string, port?: number, host?: string, modelsDir?: string | null, offlineModels?: boolean }} options
 *   offlineModels: serve no /models/ at all, as a site with no weights would.
 */
export async function startStaticServer({
	root,
	port = 0,
	host = '127.0.0.1',
	modelsDir = null,
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
	const models = modelsDir && !offlineModels ? sirv(modelsDir, { dev: false, etag: true }) : null;

	const server = createServer((req, res) => {
		for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value);
		const url = req.url ?? '/';
		if (url.startsWith('/models/')) {
			if (offlineModels) return notFound(res);
			// Same-origin static/models (copied into the build) wins; ../shared/models fills in for development.
			return site(req, res, () => {
				if (!models) return notFound(res);
				req.url = url.slice('/models'.length);
				models(req, res, () => notFound(res));
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
