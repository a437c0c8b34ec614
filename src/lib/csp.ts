/**
 * Per-route relaxations of the site's Content-Security-Policy (svelte.config.js lists the
 * union; src/hooks.server.ts strips what a page does not need).
 *
 * Only the lab runs tfjs on wasm, so only the lab keeps:
 * - script-src 'wasm-unsafe-eval': compiling the WebAssembly backend;
 * - script-src blob: and worker-src blob:: tfjs' multi-threaded wasm starts its workers from a
 *   blob: URL and each worker importScripts() a second blob: URL holding the Emscripten glue.
 *   Without these the workers die and tfjs never finishes starting.
 *
 * blob: adds no injection route: a blob: URL can only be minted by script already running on
 * this origin, which 'self' + hashes already trust; markup injected into a page cannot make one.
 */
const wasmRoutes = ['/[lang=lang]/lab'];

/** Sources each directive keeps only on wasm routes. */
export const WASM_ROUTE_SOURCES: Readonly<Record<string, readonly string[]>> = {
	'script-src': ["'wasm-unsafe-eval'", 'blob:'],
	'worker-src': ['blob:']
};

export function routeRunsWasm(routeId: string | null): boolean {
	return routeId !== null && wasmRoutes.some((prefix) => routeId.startsWith(prefix));
}

/** The policy without the wasm-route sources (directive order and everything else kept). */
export function withoutWasmSources(policy: string): string {
	return policy
		.split(';')
		.map((directive) => {
			const [name = '', ...sources] = directive.trim().split(/\s+/);
			const drop = WASM_ROUTE_SOURCES[name.toLowerCase()];
			if (!drop) return directive.trim();
			return [name, ...sources.filter((s) => !drop.includes(s))].join(' ');
		})
		.filter((directive) => directive !== '')
		.join('; ');
}

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/** A rendered page with its CSP <meta> fitted to the route. */
export function fitPolicyToRoute(html: string, routeId: string | null): string {
	if (routeRunsWasm(routeId)) return html;
	return html.replace(
		CSP_META,
		(_, open: string, policy: string, close: string) =>
			`${open}${withoutWasmSources(policy)}${close}`
	);
}

/** Whether a policy lets workers importScripts() blob: URLs (what wasm threads need). */
export function allowsBlobWorkerScripts(policy: string): boolean {
	const directives = new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name!.toLowerCase(), sources])
	);
	// The worker itself falls under worker-src; what it imports is checked against script-src.
	// A missing directive falls back as CSP does; no directive at all allows everything.
	const scripts = directives.get('script-src') ?? directives.get('default-src');
	const workers =
		directives.get('worker-src') ??
		directives.get('child-src') ??
		directives.get('script-src') ??
		directives.get('default-src');
	return [scripts, workers].every((sources) => sources === undefined || sources.includes('blob:'));
}
